import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import RadioButtonUncheckedRounded from '@mui/icons-material/RadioButtonUncheckedRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { visuallyHidden } from '../../../components/visually-hidden';

export interface SetupStep {
  id: string;
  title: string;
  detail: string;
  done: boolean;
  action: { label: string; to: string };
}

/** The first things an editor does in a new workspace, ticked off as they happen. */
export function GettingStarted({ steps }: { steps: SetupStep[] }) {
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);
  return (
    <Card component="section" aria-labelledby="getting-started-title">
      <CardHeader
        title="Get started"
        subheader={`${done} of ${steps.length} done`}
        slotProps={{
          title: { id: 'getting-started-title', variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2' },
        }}
        sx={{ pb: 1 }}
      />
      <Box sx={{ px: 2 }}>
        <LinearProgress
          variant="determinate"
          value={(done / steps.length) * 100}
          aria-label="Setup progress"
          sx={{ height: 6, borderRadius: 3 }}
        />
      </Box>
      <CardContent>
        <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {steps.map((step) => (
            <Stack
              component="li"
              key={step.id}
              direction="row"
              spacing={1.5}
              data-testid={`setup-step-${step.id}`}
              data-done={step.done}
              sx={{ alignItems: 'flex-start' }}
            >
              <Box sx={{ color: step.done ? 'success.main' : 'text.disabled', pt: 0.25 }}>
                {step.done ? <CheckCircleRounded /> : <RadioButtonUncheckedRounded />}
              </Box>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography
                  sx={{
                    fontWeight: 650,
                    ...(step.done && { color: 'text.secondary', textDecoration: 'line-through' }),
                  }}
                >
                  {step.title}
                  {step.done && (
                    <Box component="span" sx={visuallyHidden}>
                      {' '}
                      (done)
                    </Box>
                  )}
                </Typography>
                {!step.done && (
                  <Typography variant="body2" color="text.secondary">
                    {step.detail}
                  </Typography>
                )}
                {step === next && (
                  <Button
                    component={RouterLink}
                    to={step.action.to}
                    variant="contained"
                    size="small"
                    sx={{ mt: 1 }}
                  >
                    {step.action.label}
                  </Button>
                )}
              </Box>
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
