import AddCircleOutlineRounded from '@mui/icons-material/AddCircleOutlineRounded';
import ChangeCircleOutlined from '@mui/icons-material/ChangeCircleOutlined';
import RemoveCircleOutlineRounded from '@mui/icons-material/RemoveCircleOutlineRounded';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { BattlecardDiff, Claim } from '../../../../../common/battlecards';
import {
  describeFieldChanges,
  diffCounts,
  groupDiffBySection,
  type ClaimChange,
} from '../diff-groups';
import { SectionIcon } from './section-icon';
import { WordDiffText } from './word-diff-text';

type Kind = 'added' | 'removed' | 'changed';

const KIND_STYLE: Record<Kind, { label: string; color: string; bg: string; icon: ReactNode }> = {
  added: {
    label: 'Added',
    color: 'success.main',
    bg: 'rgba(46, 125, 50, 0.07)',
    icon: <AddCircleOutlineRounded sx={{ fontSize: 18 }} aria-hidden />,
  },
  removed: {
    label: 'Removed',
    color: 'error.main',
    bg: 'rgba(198, 40, 40, 0.06)',
    icon: <RemoveCircleOutlineRounded sx={{ fontSize: 18 }} aria-hidden />,
  },
  changed: {
    label: 'Changed',
    color: 'warning.main',
    bg: 'rgba(178, 106, 0, 0.06)',
    icon: <ChangeCircleOutlined sx={{ fontSize: 18 }} aria-hidden />,
  },
};

function DiffItem({ kind, children }: { kind: Kind; children: ReactNode }) {
  const style = KIND_STYLE[kind];
  return (
    <Box
      component="li"
      data-testid={`diff-${kind}`}
      sx={{
        listStyle: 'none',
        display: 'flex',
        gap: 1,
        px: 2,
        py: 1.25,
        bgcolor: style.bg,
        borderLeft: 3,
        borderColor: style.color,
        '& + &': { mt: '1px' },
        printColorAdjust: 'exact',
      }}
    >
      <Box sx={{ color: style.color, pt: '2px', flexShrink: 0 }}>{style.icon}</Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography
          variant="caption"
          sx={{ color: style.color, fontWeight: 700, letterSpacing: '0.04em' }}
        >
          {style.label.toUpperCase()}
        </Typography>
        {children}
      </Box>
    </Box>
  );
}

function PlainClaim({ claim, struck }: { claim: Claim; struck?: boolean }) {
  const sx = {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    textDecoration: struck ? 'line-through' : 'none',
    display: 'block',
    color: struck ? 'text.secondary' : 'text.primary',
  } as const;
  return (
    <>
      <Typography variant="body2" sx={sx} component={struck ? 'del' : 'p'}>
        {claim.text}
      </Typography>
      {claim.response && (
        <Typography
          variant="body2"
          sx={{ ...sx, mt: 0.5, pl: 1.5, borderLeft: 2, borderColor: 'divider' }}
        >
          <strong>Response:</strong> {claim.response}
        </Typography>
      )}
    </>
  );
}

function ChangedClaim({ change }: { change: ClaimChange }) {
  const { before, after } = change;
  const extra = describeFieldChanges(change);
  const responseChanged = (before.response ?? '') !== (after.response ?? '');
  return (
    <>
      <Typography
        variant="body2"
        component="p"
        sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        <WordDiffText before={before.text} after={after.text} />
      </Typography>
      {(after.response ?? before.response) && (
        <Typography
          variant="body2"
          component="p"
          sx={{ mt: 0.5, pl: 1.5, borderLeft: 2, borderColor: 'divider', whiteSpace: 'pre-wrap' }}
        >
          <strong>Response:</strong>{' '}
          {responseChanged ? (
            <WordDiffText before={before.response ?? ''} after={after.response ?? ''} />
          ) : (
            after.response
          )}
        </Typography>
      )}
      {extra.length > 0 && (
        <Stack direction="row" spacing={0.75} useFlexGap sx={{ mt: 0.75, flexWrap: 'wrap' }}>
          {extra.map((line) => (
            <Chip key={line} label={line} size="small" variant="outlined" sx={{ height: 22 }} />
          ))}
        </Stack>
      )}
    </>
  );
}

export function DiffSummary({ diff }: { diff: BattlecardDiff }) {
  const counts = diffCounts(diff);
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      data-testid="diff-summary"
    >
      <Chip size="small" color="success" variant="outlined" label={`${counts.added} added`} />
      <Chip size="small" color="error" variant="outlined" label={`${counts.removed} removed`} />
      <Chip size="small" color="warning" variant="outlined" label={`${counts.changed} changed`} />
    </Stack>
  );
}

/** What changed between two states of a card, section by section. */
export function DiffView({ diff }: { diff: BattlecardDiff }) {
  const groups = groupDiffBySection(diff);
  if (groups.length === 0 && diff.meta.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>
        No differences: these two are the same.
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      {diff.meta.length > 0 && (
        <Card component="section" aria-label="Card details">
          <Box component="ul" sx={{ m: 0, p: 0 }}>
            {diff.meta.map((m) => (
              <DiffItem key={m.field} kind="changed">
                <Typography variant="body2">
                  <strong>{m.field.charAt(0).toUpperCase() + m.field.slice(1)}:</strong>{' '}
                  <WordDiffText before={m.before} after={m.after} />
                </Typography>
              </DiffItem>
            ))}
          </Box>
        </Card>
      )}
      {groups.map((group) => (
        <Card component="section" key={group.key} aria-labelledby={`diff-${group.key}`}>
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}
          >
            <SectionIcon section={group.key} sx={{ fontSize: 19, color: 'primary.main' }} />
            <Typography
              id={`diff-${group.key}`}
              variant="h5"
              component="h3"
              sx={{ fontSize: '0.95rem' }}
            >
              {group.title}
            </Typography>
          </Stack>
          <Box component="ul" sx={{ m: 0, p: 0 }}>
            {group.added.map((claim) => (
              <DiffItem key={`a-${claim.id}`} kind="added">
                <PlainClaim claim={claim} />
              </DiffItem>
            ))}
            {group.changed.map((change) => (
              <DiffItem key={`c-${change.claimId}`} kind="changed">
                <ChangedClaim change={change} />
              </DiffItem>
            ))}
            {group.removed.map((claim) => (
              <DiffItem key={`r-${claim.id}`} kind="removed">
                <PlainClaim claim={claim} struck />
              </DiffItem>
            ))}
          </Box>
        </Card>
      ))}
    </Stack>
  );
}
