import AddRounded from '@mui/icons-material/AddRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { toFormErrors } from '../../lib/form-errors';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import {
  WEBHOOK_FORMAT_LABELS,
  type Webhook,
  type WebhookFormat,
  type WebhookTestResult,
  useWebhookAttempts,
  useWebhookMutations,
  useWebhooks,
} from './api';

const outcomeColor = { delivered: 'success', retrying: 'warning', failed: 'error' } as const;
const deliveryColor = { ...outcomeColor, pending: 'default' } as const;

function AddWebhookDialog({ onClose }: { onClose: () => void }) {
  const { create } = useWebhookMutations();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('slack');
  const errors = create.error ? toFormErrors(create.error, ['name', 'url'] as const) : undefined;
  const secret = create.data?.secret;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{secret ? 'Webhook added' : 'Add a webhook'}</DialogTitle>
      <DialogContent>
        {secret ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="warning">
              Copy the signing secret now: it is shown only this once. Your receiver uses it to
              check the <code>X-Ringside-Signature</code> header.
            </Alert>
            <TextField
              label="Signing secret"
              value={secret}
              fullWidth
              slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace' } } }}
              onFocus={(e) => e.target.select()}
            />
            <Button
              variant="outlined"
              onClick={() => void navigator.clipboard?.writeText(secret)}
              sx={{ alignSelf: 'flex-start' }}
            >
              Copy secret
            </Button>
          </Stack>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            {errors?.message && <Alert severity="error">{errors.message}</Alert>}
            <TextField
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="#competitive-intel"
              error={Boolean(errors?.fields.name)}
              helperText={errors?.fields.name}
              required
              autoFocus
            />
            <TextField
              label="Webhook URL"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://hooks.slack.com/services/…"
              error={Boolean(errors?.fields.url)}
              helperText={errors?.fields.url ?? 'The incoming-webhook address of the channel'}
              required
            />
            <TextField
              select
              label="Format"
              value={format}
              onChange={(e) => setFormat(e.target.value as WebhookFormat)}
            >
              {(Object.keys(WEBHOOK_FORMAT_LABELS) as WebhookFormat[]).map((f) => (
                <MenuItem key={f} value={f}>
                  {WEBHOOK_FORMAT_LABELS[f]}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {secret ? (
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="contained"
              disabled={create.isPending}
              onClick={() => create.mutate({ name, url, format })}
            >
              Add webhook
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function DeliveryLogDialog({ hook, onClose }: { hook: Webhook; onClose: () => void }) {
  const attempts = useWebhookAttempts(hook.id);
  const items = attempts.data?.items ?? [];
  const phone = useBelowBreakpoint('sm');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>Delivery log · {hook.name}</DialogTitle>
      <DialogContent sx={{ px: { xs: 1, sm: 3 } }}>
        {attempts.isError && <Alert severity="error">The log could not be loaded.</Alert>}
        {attempts.isSuccess && items.length === 0 && (
          <Typography color="text.secondary">Nothing sent yet. Send a test to try it.</Typography>
        )}
        {items.length > 0 && phone && (
          <Stack divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />} spacing={1}>
            {items.map((a) => (
              <Box key={a.id}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Chip size="small" label={a.outcome} color={outcomeColor[a.outcome]} />
                  <Typography variant="body2" sx={{ flexGrow: 1 }}>
                    {a.event} · attempt {a.attempt}
                  </Typography>
                </Box>
                <Typography variant="body2" color="text.secondary">
                  {formatRelative(a.at)} · HTTP {a.httpStatus ?? '—'} · {a.durationMs} ms
                </Typography>
                {a.error && (
                  <Typography variant="body2" color="error">
                    {a.error}
                  </Typography>
                )}
              </Box>
            ))}
          </Stack>
        )}
        {items.length > 0 && !phone && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Event</TableCell>
                  <TableCell>Attempt</TableCell>
                  <TableCell>Result</TableCell>
                  <TableCell>HTTP</TableCell>
                  <TableCell>Time</TableCell>
                  <TableCell>Error</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }} title={formatDateTime(a.at)}>
                      {formatRelative(a.at)}
                    </TableCell>
                    <TableCell>{a.event}</TableCell>
                    <TableCell>{a.attempt}</TableCell>
                    <TableCell>
                      <Chip size="small" label={a.outcome} color={outcomeColor[a.outcome]} />
                    </TableCell>
                    <TableCell>{a.httpStatus ?? '—'}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.durationMs} ms</TableCell>
                    <TableCell sx={{ minWidth: 160 }}>{a.error ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

function testMessage(result: WebhookTestResult): string {
  if (result.ok)
    return `Delivered: the receiver answered ${result.httpStatus} in ${result.durationMs} ms.`;
  return `Not delivered: ${result.error ?? 'unknown error'}.`;
}

function WebhookRow({ hook, onLog }: { hook: Webhook; onLog: () => void }) {
  const { update, remove, test } = useWebhookMutations();
  const [result, setResult] = useState<WebhookTestResult | null>(null);
  return (
    <Box sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Box sx={{ flex: '1 1 240px', minWidth: 0 }}>
          <Typography sx={{ fontWeight: 700 }}>{hook.name}</Typography>
          <Typography variant="body2" color="text.secondary" noWrap title={hook.url}>
            {hook.url}
          </Typography>
        </Box>
        <Chip size="small" variant="outlined" label={WEBHOOK_FORMAT_LABELS[hook.format]} />
        {hook.lastDelivery && (
          <Chip
            size="small"
            color={deliveryColor[hook.lastDelivery.status]}
            label={`${hook.lastDelivery.status} ${formatRelative(hook.lastDelivery.at)}`}
          />
        )}
        <Switch
          checked={hook.enabled}
          onChange={(e) => update.mutate({ id: hook.id, enabled: e.target.checked })}
          slotProps={{ input: { 'aria-label': `${hook.name} enabled` } }}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          size="small"
          variant="outlined"
          disabled={test.isPending}
          onClick={() => test.mutate(hook.id, { onSuccess: setResult })}
        >
          {test.isPending ? 'Sending…' : 'Send test'}
        </Button>
        <Button size="small" onClick={onLog}>
          Delivery log
        </Button>
        <Button
          size="small"
          color="error"
          onClick={() => {
            if (window.confirm(`Remove the webhook “${hook.name}” and its delivery log?`)) {
              remove.mutate(hook.id);
            }
          }}
        >
          Remove
        </Button>
      </Stack>
      {result && (
        <Alert
          severity={result.ok ? 'success' : 'error'}
          sx={{ mt: 1 }}
          onClose={() => setResult(null)}
        >
          {testMessage(result)}
        </Alert>
      )}
    </Box>
  );
}

/** Admins: where change notifications go outside Ringside. */
export function WebhooksSection() {
  const hooks = useWebhooks(true);
  const [adding, setAdding] = useState(false);
  const [log, setLog] = useState<Webhook | null>(null);
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap', mb: 1 }}>
          <Box sx={{ flex: '1 1 260px' }}>
            <Typography variant="h2">Webhooks</Typography>
            <Typography variant="body2" color="text.secondary">
              Important changes are posted to Slack, Teams or your own endpoint, signed with a
              secret; failed deliveries are retried with backoff.
            </Typography>
          </Box>
          <Button variant="contained" startIcon={<AddRounded />} onClick={() => setAdding(true)}>
            Add webhook
          </Button>
        </Box>
        {hooks.isError && <Alert severity="error">Webhooks could not be loaded.</Alert>}
        {hooks.isSuccess && hooks.data.length === 0 && (
          <Typography color="text.secondary" sx={{ py: 1 }}>
            No webhooks yet.
          </Typography>
        )}
        {hooks.data?.map((hook) => (
          <WebhookRow key={hook.id} hook={hook} onLog={() => setLog(hook)} />
        ))}
      </CardContent>
      {adding && <AddWebhookDialog onClose={() => setAdding(false)} />}
      {log && <DeliveryLogDialog hook={log} onClose={() => setLog(null)} />}
    </Card>
  );
}
