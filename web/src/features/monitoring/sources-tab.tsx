import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { regexProblem } from '../../../../common/monitoring-values';
import { ApiError } from '../../lib/api-error';
import { useCompetitorContext } from '../competitors/competitor-context';
import { type Source, useSourceMutations, useSources } from './api';
import { ChangesTimeline } from './changes-timeline';

const INTERVALS = [
  [15, 'Every 15 minutes'],
  [60, 'Every hour'],
  [360, 'Every 6 hours'],
  [1440, 'Every day'],
] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const messageOf = (err: unknown) =>
  err instanceof ApiError ? err.message : 'Something went wrong.';

function AddSourceDialog({ competitorId, onClose }: { competitorId: string; onClose: () => void }) {
  const { create, preview } = useSourceMutations(competitorId);
  const [kind, setKind] = useState<'webpage' | 'feed'>('webpage');
  const [url, setUrl] = useState('');
  const [selector, setSelector] = useState('');
  const [interval, setInterval] = useState(360);
  const [ignoreSelectors, setIgnoreSelectors] = useState('');
  const [ignorePatterns, setIgnorePatterns] = useState('');
  const patternError = lines(ignorePatterns)
    .map((p) => [p, regexProblem(p)] as const)
    .find(([, problem]) => problem);
  const body = {
    kind,
    url,
    selector: selector.trim() || null,
    ignoreRules: { selectors: lines(ignoreSelectors), patterns: lines(ignorePatterns) },
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>Watch a page or feed</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              label="Kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as 'webpage' | 'feed')}
              sx={{ minWidth: 140 }}
            >
              <MenuItem value="webpage">Web page</MenuItem>
              <MenuItem value="feed">RSS / Atom feed</MenuItem>
            </TextField>
            <TextField
              label="Address"
              placeholder="https://rival.example/pricing"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              fullWidth
              required
            />
          </Stack>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              select
              label="Check"
              value={interval}
              onChange={(e) => setInterval(Number(e.target.value))}
              sx={{ minWidth: 180 }}
            >
              {INTERVALS.map(([v, label]) => (
                <MenuItem key={v} value={v}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            {kind === 'webpage' && (
              <TextField
                label="Only this part (CSS selector, optional)"
                placeholder="#pricing"
                value={selector}
                onChange={(e) => setSelector(e.target.value)}
                fullWidth
              />
            )}
          </Stack>
          {kind === 'webpage' && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label="Ignore elements (one CSS selector a line)"
                multiline
                minRows={2}
                value={ignoreSelectors}
                onChange={(e) => setIgnoreSelectors(e.target.value)}
                fullWidth
              />
              <TextField
                label="Ignore text (one pattern a line)"
                multiline
                minRows={2}
                value={ignorePatterns}
                onChange={(e) => setIgnorePatterns(e.target.value)}
                error={Boolean(patternError)}
                helperText={
                  patternError
                    ? `"${patternError[0]}" ${patternError[1]}`
                    : 'Regular expressions, e.g. Build [0-9a-f]+'
                }
                fullWidth
              />
            </Stack>
          )}
          <div>
            <Button
              variant="outlined"
              disabled={!url || preview.isPending}
              onClick={() => preview.mutate(body)}
            >
              {preview.isPending ? 'Fetching…' : 'Test fetch'}
            </Button>
          </div>
          {preview.isError && <Alert severity="error">{messageOf(preview.error)}</Alert>}
          {preview.data && (
            <Paper variant="outlined" sx={{ p: 2, maxHeight: 260, overflow: 'auto' }}>
              <Typography variant="subtitle2">
                {preview.data.title || preview.data.url} · {preview.data.wordCount.toLocaleString()}{' '}
                words
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
                {preview.data.text}
              </Typography>
            </Paper>
          )}
          {create.isError && <Alert severity="error">{messageOf(create.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!url || Boolean(patternError) || create.isPending}
          onClick={() =>
            create.mutate({ ...body, intervalMinutes: interval }, { onSuccess: onClose })
          }
        >
          Watch
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function statusChip(source: Source) {
  if (source.checking) return <Chip size="small" color="info" label="checking…" />;
  switch (source.status) {
    case 'ok':
      return <Chip size="small" color="success" label="ok" />;
    case 'failing':
      return <Chip size="small" color="error" label={`failing (${source.consecutiveFailures}×)`} />;
    case 'disabled':
      return <Chip size="small" label="paused" />;
    default:
      return <Chip size="small" variant="outlined" label="waiting for first check" />;
  }
}

function SourceRow({
  source,
  competitorId,
  canEdit,
}: {
  source: Source;
  competitorId: string;
  canEdit: boolean;
}) {
  const { update, remove, check } = useSourceMutations(competitorId);
  const client = useQueryClient();
  const ignoreCount = source.ignoreRules.selectors.length + source.ignoreRules.patterns.length;
  // A check that found a change below the live threshold is not pushed: refresh the timeline.
  useEffect(() => {
    if (source.lastChangedAt) void client.invalidateQueries({ queryKey: ['changes'] });
  }, [client, source.lastChangedAt]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="source-row">
      <Stack spacing={1}>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Typography variant="subtitle1" sx={{ wordBreak: 'break-all' }}>
            {source.label || source.url}
          </Typography>
          <Chip size="small" variant="outlined" label={source.kind === 'feed' ? 'feed' : 'page'} />
          {statusChip(source)}
        </Stack>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {source.lastCheckedAt
            ? `Checked ${new Date(source.lastCheckedAt).toLocaleString()}`
            : 'Not checked yet'}
          {source.lastChangedAt
            ? ` · changed ${new Date(source.lastChangedAt).toLocaleString()}`
            : ''}{' '}
          · every{' '}
          {source.intervalMinutes >= 60
            ? `${source.intervalMinutes / 60} h`
            : `${source.intervalMinutes} min`}{' '}
          · {source.changeCount} {source.changeCount === 1 ? 'change' : 'changes'}
          {ignoreCount > 0 && ` · ${ignoreCount} ignore rule${ignoreCount === 1 ? '' : 's'}`}
        </Typography>
        {source.lastError && (
          <Alert severity="error" variant="outlined">
            {source.lastError} Next try {new Date(source.nextCheckAt).toLocaleString()}.
          </Alert>
        )}
        {canEdit && (
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
          >
            <Button
              size="small"
              variant="outlined"
              disabled={source.checking || check.isPending}
              onClick={() => check.mutate(source)}
            >
              Check now
            </Button>
            <Switch
              checked={source.enabled}
              onChange={(e) =>
                update.mutate({ id: source.id, body: { enabled: e.target.checked } })
              }
              slotProps={{
                input: { 'aria-label': source.enabled ? 'Pause watching' : 'Resume watching' },
              }}
            />
            <Typography variant="body2">{source.enabled ? 'Watching' : 'Paused'}</Typography>
            <Button size="small" color="error" onClick={() => remove.mutate(source.id)}>
              Stop watching
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The competitor's monitoring tab: watched sources, then what changed. */
export function SourcesTab() {
  const { competitor, canEdit } = useCompetitorContext();
  const query = useSources(competitor.id);
  const [adding, setAdding] = useState(false);
  return (
    <Stack spacing={3}>
      <Stack spacing={2}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="h6">Watched pages and feeds</Typography>
          {canEdit && (
            <Button variant="contained" onClick={() => setAdding(true)}>
              Watch a page
            </Button>
          )}
        </Stack>
        {query.isSuccess && query.data.items.length === 0 && (
          <Typography sx={{ color: 'text.secondary' }}>
            Nothing watched yet. Add their pricing page, changelog or blog feed to hear when it
            changes.
          </Typography>
        )}
        {query.data?.items.map((s) => (
          <SourceRow key={s.id} source={s} competitorId={competitor.id} canEdit={canEdit} />
        ))}
      </Stack>
      <Stack spacing={2}>
        <Typography variant="h6">Changes</Typography>
        <ChangesTimeline competitorId={competitor.id} />
      </Stack>
      {adding && <AddSourceDialog competitorId={competitor.id} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
