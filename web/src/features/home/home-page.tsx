import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { PageHeader } from '../../components/page-header';
import { SystemStatusCard } from '../system/components/system-status-card';

function WelcomePanel() {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="welcome-title"
      sx={(theme) => ({
        p: { xs: 2.5, sm: 3.5 },
        backgroundImage: `linear-gradient(135deg, ${alpha(theme.palette.primary.main, 0.07)} 0%, ${alpha(theme.palette.primary.main, 0)} 60%)`,
      })}
    >
      <Typography variant="overline" color="primary">
        Competitive intelligence, self-hosted
      </Typography>
      <Typography id="welcome-title" variant="h2" component="h2" sx={{ mt: 0.5, mb: 1.5 }}>
        Know the competition before the call does.
      </Typography>
      <Stack spacing={1.5} sx={{ maxWidth: '68ch' }}>
        <Typography>
          Ringside keeps your team&apos;s competitive intelligence on a server you run yourself. It
          watches competitors&apos; web pages and feeds, collects evidence from documents, notes and
          win/loss records, and turns it into battlecards where every claim cites its source.
        </Typography>
        <Typography>
          Sellers get quick, current answers to &ldquo;how do we win against them?&rdquo;, and
          product marketing sees what changed and which cards have gone stale.
        </Typography>
        <Typography color="text.secondary" variant="body2">
          This release brings the foundation and accounts: invite your team under Settings →
          Members. Competitors, sources and battlecards arrive in the next releases.
        </Typography>
      </Stack>
    </Paper>
  );
}

export function HomePage() {
  return (
    <>
      <PageHeader title="Home" />
      <Box
        sx={{
          display: 'grid',
          gap: { xs: 2, md: 3 },
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
          alignItems: 'start',
        }}
      >
        <WelcomePanel />
        <SystemStatusCard />
      </Box>
    </>
  );
}
