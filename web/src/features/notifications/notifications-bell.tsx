import NotificationsNoneOutlined from '@mui/icons-material/NotificationsNoneOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formatRelative } from '../../lib/format';
import { useInbox, useMarkChangeRead } from './api';

/**
 * The bell: unread changes that passed the workspace's noise rules. `change.detected` events
 * over /ws refresh it (their entity is `change`, and the inbox lives under `changes`).
 */
export function NotificationsBell() {
  const inbox = useInbox();
  const markRead = useMarkChangeRead();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const count = inbox.data?.unreadCount ?? 0;
  const items = inbox.data?.items ?? [];
  const label = count === 0 ? 'Notifications' : `Notifications: ${count} unread`;

  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Badge badgeContent={count} color="error" max={99}>
            <NotificationsNoneOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: { sx: { width: 380, maxWidth: 'calc(100vw - 16px)' }, role: 'dialog' },
        }}
      >
        <Box sx={{ px: 2, py: 1.5, display: 'flex', alignItems: 'baseline', gap: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flexGrow: 1 }}>
            What changed
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {count === 0 ? 'All caught up' : `${count} unread`}
          </Typography>
        </Box>
        <Divider />
        {inbox.isError && (
          <Typography sx={{ p: 2 }} color="error">
            Notifications could not be loaded.
          </Typography>
        )}
        {inbox.isSuccess && items.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            No unread important changes. Changes below your workspace&apos;s threshold or of a muted
            kind stay on the Changes page.
          </Typography>
        )}
        <List dense sx={{ maxHeight: 420, overflowY: 'auto', py: 0 }}>
          {items.map((c) => (
            <ListItemButton
              key={c.id}
              divider
              onClick={() => {
                markRead.mutate(c.id);
                setAnchor(null);
                void navigate(`/changes?change=${c.id}`);
              }}
              sx={{ display: 'block', py: 1.25 }}
            >
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 700, flexGrow: 1 }} noWrap>
                  {c.competitor.name}
                </Typography>
                <Chip size="small" label={c.class} variant="outlined" />
                <Typography variant="caption" color="text.secondary" noWrap>
                  {formatRelative(c.detectedAt)}
                </Typography>
              </Box>
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{
                  display: '-webkit-box',
                  WebkitLineClamp: 2,
                  WebkitBoxOrient: 'vertical',
                  overflow: 'hidden',
                }}
              >
                {c.summary}
              </Typography>
            </ListItemButton>
          ))}
        </List>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', px: 1, py: 0.5 }}>
          <Button component={RouterLink} to="/changes" size="small" onClick={() => setAnchor(null)}>
            All changes
          </Button>
          <Button
            component={RouterLink}
            to="/settings/notifications"
            size="small"
            onClick={() => setAnchor(null)}
          >
            Settings
          </Button>
        </Box>
      </Popover>
    </>
  );
}
