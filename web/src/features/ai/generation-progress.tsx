import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import RadioButtonUncheckedRounded from '@mui/icons-material/RadioButtonUncheckedRounded';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { GENERATION_STAGES, stageIndex } from './generation-stages';

/** The stages of a generation as a checklist, with the overall percent. */
export function GenerationProgress({
  stage,
  percent,
  done,
  live,
}: {
  stage: string;
  percent: number | null;
  done: boolean;
  /** Updates arrive over the live connection (false: polled while it is down). */
  live?: boolean;
}) {
  const current = stageIndex(stage, done);
  const queued = stage === 'queued' && !done;
  const value = done ? 100 : (percent ?? 0);
  return (
    <Stack
      spacing={2}
      data-testid="generation-progress"
      data-live={live === undefined ? undefined : String(live)}
    >
      <Box>
        <LinearProgress
          variant={(percent === null || queued) && !done ? 'indeterminate' : 'determinate'}
          value={value}
          aria-label="Generation progress"
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} aria-live="polite">
          {done ? 'Done' : queued ? 'Waiting for a worker to start…' : `${Math.round(value)}%`}
          {live === false && !done ? ' · live updates paused, checking every few seconds' : ''}
        </Typography>
      </Box>
      <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {GENERATION_STAGES.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'active' : 'waiting';
          return (
            <Stack
              component="li"
              key={s.key}
              direction="row"
              spacing={1.25}
              data-stage={s.key}
              data-state={state}
              sx={{
                alignItems: 'center',
                color: state === 'waiting' ? 'text.disabled' : 'text.primary',
              }}
            >
              {state === 'done' && <CheckCircleRounded fontSize="small" color="success" />}
              {state === 'active' && <CircularProgress size={18} thickness={5} />}
              {state === 'waiting' && <RadioButtonUncheckedRounded fontSize="small" />}
              <Typography variant="body2" sx={{ fontWeight: state === 'active' ? 600 : 400 }}>
                {s.label}
              </Typography>
            </Stack>
          );
        })}
      </Stack>
    </Stack>
  );
}
