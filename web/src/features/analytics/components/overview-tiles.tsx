import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { Overview } from '../api';

const TILES: { key: keyof Omit<Overview, 'period'>; label: string; hint: string }[] = [
  { key: 'publishedBattlecards', label: 'Published cards', hint: 'Cards sellers can open now' },
  { key: 'totalBattlecards', label: 'All cards', hint: 'Drafts and published, not archived' },
  {
    key: 'activeCompetitors',
    label: 'Active competitors',
    hint: 'New evidence, card edits or deals',
  },
  { key: 'activeUsers', label: 'Active people', hint: 'Opened, searched, copied or edited' },
  { key: 'aiGenerations', label: 'AI generations', hint: 'Cards written or rewritten by the AI' },
  { key: 'staleClaims', label: 'Stale claims', hint: 'Claims whose evidence changed' },
];

/** The headline figures, as a grid of tiles; stale claims turn amber when there are any. */
export function OverviewTiles({
  overview,
  compact = false,
}: {
  overview: Overview | undefined;
  /** In a narrow column: never more than three tiles a row. */
  compact?: boolean;
}) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: {
          xs: 'repeat(2, minmax(0, 1fr))',
          sm: 'repeat(3, minmax(0, 1fr))',
          lg: compact ? 'repeat(3, minmax(0, 1fr))' : 'repeat(6, minmax(0, 1fr))',
        },
      }}
    >
      {TILES.map((tile) => {
        const value = overview?.[tile.key];
        const warn = tile.key === 'staleClaims' && (value ?? 0) > 0;
        return (
          <Paper
            key={tile.key}
            variant="outlined"
            sx={{ p: 1.75, borderColor: warn ? 'warning.main' : undefined }}
          >
            <Typography
              variant="caption"
              color="text.secondary"
              component="p"
              sx={{ fontWeight: 600 }}
            >
              {tile.label}
            </Typography>
            {value === undefined ? (
              <Skeleton width={48} height={40} />
            ) : (
              <Typography
                component="p"
                data-testid={`overview-${tile.key}`}
                sx={{
                  fontSize: '1.75rem',
                  fontWeight: 700,
                  lineHeight: 1.3,
                  color: warn ? 'warning.dark' : 'text.primary',
                }}
              >
                {value.toLocaleString()}
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary">
              {tile.hint}
            </Typography>
          </Paper>
        );
      })}
    </Box>
  );
}
