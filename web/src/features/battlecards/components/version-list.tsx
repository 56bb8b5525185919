import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { BattlecardVersionSummary } from '../../../../../common/battlecards';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { Comparison } from '../version-compare';

function Row({
  selected,
  testId,
  children,
}: {
  selected: boolean;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Box
      component="li"
      data-testid={testId}
      sx={{
        listStyle: 'none',
        px: 2,
        py: 1.5,
        borderLeft: 3,
        borderColor: selected ? 'primary.main' : 'transparent',
        bgcolor: selected ? 'rgba(40, 53, 147, 0.04)' : undefined,
        '& + &': { borderTop: 1, borderTopColor: 'divider', borderTopStyle: 'solid' },
      }}
    >
      {children}
    </Box>
  );
}

/** Every published version, newest first, plus the draft when it has unpublished changes. */
export function VersionList({
  cardId,
  versions,
  hasDraft,
  comparison,
  onCompare,
}: {
  cardId: string;
  versions: readonly BattlecardVersionSummary[];
  /** The draft differs from the latest version (or nothing is published yet). */
  hasDraft: boolean;
  comparison: Comparison | null;
  onCompare: (comparison: Comparison) => void;
}) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0]?.version;
  const inComparison = (ref: number | 'draft') =>
    comparison !== null && (comparison.from === ref || comparison.to === ref);
  return (
    <Box component="ol" sx={{ m: 0, p: 0 }} aria-label="Versions">
      {hasDraft && (
        <Row selected={inComparison('draft')} testId="version-draft">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle2">Draft</Typography>
            <Chip size="small" color="warning" label="Unpublished changes" sx={{ height: 20 }} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            The working copy editors change.
          </Typography>
          {latest !== undefined && (
            <Stack direction="row" sx={{ mt: 0.5, ml: -1 }}>
              <Button
                size="small"
                onClick={() => {
                  onCompare({ from: latest, to: 'draft' });
                }}
              >
                Compare with version {latest}
              </Button>
            </Stack>
          )}
        </Row>
      )}
      {sorted.map((v) => (
        <Row key={v.version} selected={inComparison(v.version)} testId={`version-${v.version}`}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle2">Version {v.version}</Typography>
            {v.version === latest && (
              <Chip size="small" color="primary" label="Latest" sx={{ height: 20 }} />
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            <span title={formatDateTime(v.publishedAt)}>{formatDate(v.publishedAt)}</span>
            {v.publishedBy && ` · ${v.publishedBy.name}`} · {v.claimCount}{' '}
            {v.claimCount === 1 ? 'claim' : 'claims'}
          </Typography>
          {v.note && (
            <Typography
              variant="body2"
              sx={{ mt: 0.25, fontStyle: 'italic', wordBreak: 'break-word' }}
            >
              “{v.note}”
            </Typography>
          )}
          <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, ml: -1 }}>
            <Button
              size="small"
              component={RouterLink}
              to={`/battlecards/${cardId}/versions/${v.version}`}
              aria-label={`View version ${v.version}`}
            >
              View
            </Button>
            {v.version > 1 && (
              <Button
                size="small"
                onClick={() => {
                  onCompare({ from: v.version - 1, to: v.version });
                }}
                aria-label={`Compare version ${v.version} with version ${v.version - 1}`}
              >
                Compare with previous
              </Button>
            )}
          </Stack>
        </Row>
      ))}
    </Box>
  );
}
