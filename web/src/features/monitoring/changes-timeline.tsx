import TimelineOutlined from '@mui/icons-material/TimelineOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { useAuth } from '../auth/auth-context';
import { type ChangeSummary, useChange, useChangeActions, useChanges } from './api';
import { DiffView } from './diff-view';

const importanceColor = (v: number) => (v >= 0.7 ? 'error' : v >= 0.4 ? 'warning' : 'default');

function ChangeChips({ change }: { change: ChangeSummary }) {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Chip size="small" label={change.class} />
      <Chip
        size="small"
        variant="outlined"
        color={importanceColor(change.importance)}
        label={`importance ${Math.round(change.importance * 100)}%`}
      />
      {change.staleClaims > 0 && (
        <Chip
          size="small"
          color="warning"
          label={`${change.staleClaims} ${change.staleClaims === 1 ? 'claim' : 'claims'} stale`}
        />
      )}
      {!change.read && <Chip size="small" color="primary" label="unread" />}
    </Stack>
  );
}

function ChangeDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const query = useChange(id);
  const { dismiss, ignoreLine, markRead } = useChangeActions();
  const { can } = useAuth();
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const change = query.data;
  const ignore = can('content.edit')
    ? {
        ignored,
        pending: ignoreLine.isPending,
        onIgnore: (line: string) =>
          ignoreLine.mutate(
            { id, line },
            { onSuccess: () => setIgnored((prev) => new Set(prev).add(line)) },
          ),
      }
    : undefined;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>{change ? change.summary : 'Change'}</DialogTitle>
      <DialogContent dividers>
        {change && (
          <Stack spacing={2}>
            <ChangeChips change={change} />
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {change.competitor.name} ·{' '}
              <Link href={change.url} target="_blank" rel="noreferrer noopener">
                {change.url}
              </Link>{' '}
              · {new Date(change.detectedAt).toLocaleString()}
            </Typography>
            {change.priceChanges.length > 0 && (
              <Alert severity="warning" icon={false}>
                {change.priceChanges.map((p, i) => (
                  <Typography key={i} variant="body1">
                    {p.label ? `${p.label}: ` : 'Price: '}
                    <s>{p.from}</s> → <strong>{p.to}</strong>
                  </Typography>
                ))}
              </Alert>
            )}
            {change.staleClaimList.length > 0 && (
              <Alert severity="warning" data-testid="stale-claims">
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  This change made {change.staleClaimList.length === 1 ? 'a claim' : 'claims'}{' '}
                  stale:
                </Typography>
                <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }}>
                  {change.staleClaimList.map((c) => (
                    <li key={c.id}>
                      <Typography variant="body2" component="span">
                        “{c.text}” on <strong>{c.battlecard.title}</strong>{' '}
                      </Typography>
                      <Button
                        size="small"
                        component={RouterLink}
                        to={`/battlecards/${c.battlecard.id}#claim-${c.id}`}
                        onClick={onClose}
                      >
                        {c.stale ? 'Review' : 'Reviewed — open'}
                      </Button>
                    </li>
                  ))}
                </Stack>
              </Alert>
            )}
            <ToggleButtonGroup
              size="small"
              exclusive
              value={mode}
              onChange={(_e, v: 'inline' | 'side' | null) => v && setMode(v)}
              aria-label="Diff layout"
            >
              <ToggleButton value="inline">Inline</ToggleButton>
              <ToggleButton value="side">Side by side</ToggleButton>
            </ToggleButtonGroup>
            {ignoreLine.isError && <Alert severity="error">{ignoreLine.error.message}</Alert>}
            {ignored.size > 0 && (
              <Alert severity="success">
                {ignored.size === 1 ? 'That line is' : `${ignored.size} lines are`} ignored from the
                next check on (the source's ignore rules say so).
              </Alert>
            )}
            {ignore && (
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                A line that changes on every visit (a counter, a banner)? Ignore it with the
                crossed-out eye beside it: future checks of this page leave it out.
              </Typography>
            )}
            <DiffView parts={change.diff} mode={mode} ignore={ignore} />
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {change && !change.dismissed && (
          <Button color="inherit" onClick={() => dismiss.mutate(change.id, { onSuccess: onClose })}>
            Dismiss as noise
          </Button>
        )}
        {change && (
          <Button
            color="inherit"
            onClick={() => markRead.mutate({ id: change.id, read: !change.read })}
          >
            {change.read ? 'Mark unread' : 'Mark read'}
          </Button>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Detected changes, newest first: the workspace's, or one competitor's. */
export function ChangesTimeline({ competitorId }: { competitorId?: string }) {
  const [unread, setUnread] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  // `?change=<id>` (the bell, digests, webhooks) opens that change.
  const [params, setParams] = useSearchParams();
  const linked = params.get('change');
  useEffect(() => {
    if (linked) setOpen(linked);
  }, [linked]);
  const query = useChanges({ competitorId, unread });
  const { markRead } = useChangeActions();
  const items = query.data?.items ?? [];
  const openChange = (c: ChangeSummary) => {
    setOpen(c.id);
    if (!c.read) markRead.mutate({ id: c.id, read: true });
  };
  return (
    <Stack spacing={2}>
      <FormControlLabel
        control={<Switch checked={unread} onChange={(e) => setUnread(e.target.checked)} />}
        label="Unread only"
      />
      {query.isError && <Alert severity="error">Changes could not be loaded.</Alert>}
      {query.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<TimelineOutlined />}
          title={unread ? 'Nothing unread' : 'No changes yet'}
        >
          Changes appear here when a watched page differs from its last check.
        </EmptyState>
      )}
      {items.map((c) => (
        <Paper
          key={c.id}
          variant="outlined"
          sx={{
            p: 2,
            cursor: 'pointer',
            borderLeftWidth: c.read ? 1 : 4,
            borderLeftColor: 'primary.main',
          }}
          onClick={() => openChange(c)}
          data-testid="change-item"
        >
          <Stack spacing={1}>
            <Typography variant="subtitle1" sx={{ fontWeight: c.read ? 400 : 600 }}>
              {c.summary}
            </Typography>
            <ChangeChips change={c} />
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {!competitorId && (
                <>
                  <Link
                    component={RouterLink}
                    to={`/competitors/${c.competitor.id}`}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {c.competitor.name}
                  </Link>{' '}
                  ·{' '}
                </>
              )}
              {new Date(c.detectedAt).toLocaleString()} · +{c.added} / −{c.removed} words
            </Typography>
          </Stack>
        </Paper>
      ))}
      {open && (
        <ChangeDetail
          id={open}
          onClose={() => {
            setOpen(null);
            if (linked) setParams({}, { replace: true });
          }}
        />
      )}
    </Stack>
  );
}

export function ChangesPage() {
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Changes
      </Typography>
      <ChangesTimeline />
    </Stack>
  );
}
