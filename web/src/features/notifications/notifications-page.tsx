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
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { CHANGE_CLASSES, type ChangeClass } from '../../../../common/monitoring-values';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth/auth-context';
import {
  type NotificationPreferences,
  useDigest,
  useDigests,
  useNotificationSettings,
  usePreferences,
  useUpdateNotificationSettings,
  useUpdatePreferences,
} from './api';
import { WebhooksSection } from './webhooks-section';

const FREQUENCY_LABEL = { none: 'Off', daily: 'Daily', weekly: 'Weekly' } as const;

function MyDigestCard() {
  const prefs = usePreferences();
  const update = useUpdatePreferences();
  const p = prefs.data;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h2">Your digest</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          A summary of the important competitor changes, here in Ringside and, if you like, by
          e-mail.
        </Typography>
        {prefs.isError && <Alert severity="error">Your preferences could not be loaded.</Alert>}
        {p && (
          <Stack spacing={2}>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={p.digestFrequency}
              onChange={(_e, value: NotificationPreferences['digestFrequency'] | null) => {
                if (value) update.mutate({ digestFrequency: value });
              }}
              aria-label="Digest frequency"
            >
              {(['none', 'daily', 'weekly'] as const).map((f) => (
                <ToggleButton key={f} value={f} sx={{ px: 2.5 }}>
                  {FREQUENCY_LABEL[f]}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <Box>
              <FormControlLabel
                control={
                  <Switch
                    checked={p.digestEmail}
                    disabled={!p.emailAvailable || p.digestFrequency === 'none'}
                    onChange={(e) => update.mutate({ digestEmail: e.target.checked })}
                  />
                }
                label="Also send it to me by e-mail"
              />
              {!p.emailAvailable && (
                <Typography variant="body2" color="text.secondary">
                  E-mail is not set up on this server (SMTP_URL); digests stay in Ringside.
                </Typography>
              )}
            </Box>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

function DigestDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const digest = useDigest(id);
  const d = digest.data;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {d
          ? `${d.frequency === 'daily' ? 'Daily' : 'Weekly'} digest · ${formatDate(d.periodStart)}`
          : 'Digest'}
      </DialogTitle>
      <DialogContent>
        {digest.isError && <Alert severity="error">This digest could not be loaded.</Alert>}
        {d && d.changes.length === 0 && (
          <Typography color="text.secondary">Its changes have since been removed.</Typography>
        )}
        <Stack spacing={1.5}>
          {d?.changes.map((c) => (
            <Box key={c.id}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Typography sx={{ fontWeight: 700 }}>{c.competitor.name}</Typography>
                <Chip size="small" variant="outlined" label={c.class} />
              </Box>
              <Typography variant="body2">{c.summary}</Typography>
              <Link component={RouterLink} to={`/changes?change=${c.id}`} variant="body2">
                Open the change
              </Link>
            </Box>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

function LatestDigestsCard() {
  const digests = useDigests();
  const [params, setParams] = useSearchParams();
  const open = params.get('digest');
  const items = digests.data?.items ?? [];
  const setOpen = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('digest', id);
        else next.delete('digest');
        return next;
      },
      { replace: true },
    );
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h2">Latest digests</Typography>
        {digests.isError && <Alert severity="error">Digests could not be loaded.</Alert>}
        {digests.isSuccess && items.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            None yet. A digest is made after each day or week in which important changes were
            detected.
          </Typography>
        )}
        <List dense>
          {items.map((d) => (
            <ListItemButton key={d.id} onClick={() => setOpen(d.id)} sx={{ borderRadius: 1 }}>
              <ListItemText
                primary={`${d.frequency === 'daily' ? 'Daily' : 'Weekly'} · ${formatDate(d.periodStart)}`}
                secondary={`${d.changeCount} change${d.changeCount === 1 ? '' : 's'}${
                  d.emailStatus === 'sent'
                    ? ' · e-mailed'
                    : d.emailStatus === 'failed'
                      ? ' · e-mail failed'
                      : ''
                }`}
              />
            </ListItemButton>
          ))}
        </List>
      </CardContent>
      {open && <DigestDialog id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function NoiseRulesCard() {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const [threshold, setThreshold] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setThreshold(Math.round(settings.data.changeAlertThreshold * 100));
  }, [settings.data]);
  const muted = new Set(settings.data?.mutedClasses ?? []);
  const toggle = (c: ChangeClass) => {
    const next = new Set(muted);
    if (next.has(c)) next.delete(c);
    else next.add(c);
    update.mutate({ mutedClasses: CHANGE_CLASSES.filter((x) => next.has(x)) });
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h2">Noise rules</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Every change is recorded on the Changes page. Only those at or above the threshold and not
          muted ring the bell, go to webhooks and make it into digests.
        </Typography>
        {settings.isError && <Alert severity="error">Settings could not be loaded.</Alert>}
        {update.isError && <Alert severity="error">The change was not saved.</Alert>}
        {threshold !== null && (
          <Stack spacing={2}>
            <Box sx={{ px: 1, maxWidth: 480 }}>
              <Typography id="threshold-label" gutterBottom>
                Importance threshold: <strong>{threshold}%</strong>
              </Typography>
              <Slider
                aria-labelledby="threshold-label"
                value={threshold}
                min={0}
                max={100}
                step={5}
                valueLabelDisplay="auto"
                onChange={(_e, v) => setThreshold(v)}
                onChangeCommitted={(_e, v) => update.mutate({ changeAlertThreshold: v / 100 })}
              />
              <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
                <Typography variant="caption" color="text.secondary">
                  Everything
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  Only the biggest
                </Typography>
              </Box>
            </Box>
            <Box>
              <Typography gutterBottom>Muted kinds of change</Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                {CHANGE_CLASSES.map((c) => (
                  <Chip
                    key={c}
                    label={c}
                    color={muted.has(c) ? 'default' : 'primary'}
                    variant={muted.has(c) ? 'outlined' : 'filled'}
                    onClick={() => toggle(c)}
                    aria-pressed={!muted.has(c)}
                    sx={muted.has(c) ? { textDecoration: 'line-through' } : undefined}
                  />
                ))}
              </Box>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                Click a kind to mute or unmute it; struck-through kinds stay quiet.
              </Typography>
            </Box>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}

/** Settings → Notifications: everyone's digest; for admins, noise rules and webhooks. */
export function NotificationsPage() {
  const { can } = useAuth();
  const admin = can('workspace.manage');
  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="How Ringside tells you and your team what competitors changed."
      />
      <Stack spacing={3}>
        <Box
          sx={{
            display: 'grid',
            gap: 3,
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
            alignItems: 'start',
          }}
        >
          <MyDigestCard />
          <LatestDigestsCard />
        </Box>
        {admin && <NoiseRulesCard />}
        {admin && <WebhooksSection />}
      </Stack>
    </>
  );
}
