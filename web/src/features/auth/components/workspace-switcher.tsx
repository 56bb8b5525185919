import CheckRounded from '@mui/icons-material/CheckRounded';
import UnfoldMoreRounded from '@mui/icons-material/UnfoldMoreRounded';
import WorkspacesOutlined from '@mui/icons-material/WorkspacesOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { toFormErrors } from '../../../lib/form-errors';
import { useAuth, useMe } from '../auth-context';
import { roleLabel } from '../roles';

/**
 * The current workspace, and a menu of the caller's other memberships. Switching gets a new
 * session for that workspace and drops every cached answer from the old one.
 */
export function WorkspaceSwitcher() {
  const me = useMe();
  const { switchWorkspace } = useAuth();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [switching, setSwitching] = useState<string>();
  const [problem, setProblem] = useState<string>();

  async function choose(workspaceId: string) {
    if (workspaceId === me.workspace.id) {
      setAnchor(null);
      return;
    }
    setSwitching(workspaceId);
    try {
      await switchWorkspace(workspaceId);
      setAnchor(null);
    } catch (error) {
      setProblem(toFormErrors(error, []).message ?? 'Could not switch workspace.');
    } finally {
      setSwitching(undefined);
    }
  }

  const memberships = [...me.memberships].sort((a, b) =>
    a.workspace.name.localeCompare(b.workspace.name),
  );

  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => {
          setAnchor(e.currentTarget);
        }}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        aria-label={`Workspace: ${me.workspace.name}. Switch workspace`}
        data-testid="workspace-switcher"
        startIcon={<WorkspacesOutlined sx={{ display: { xs: 'none', sm: 'block' } }} />}
        endIcon={<UnfoldMoreRounded />}
        sx={{
          minWidth: 0,
          maxWidth: { xs: 170, sm: 280 },
          px: 1.25,
          bgcolor: 'rgba(255,255,255,0.1)',
          '&:hover': { bgcolor: 'rgba(255,255,255,0.18)' },
          '& .MuiButton-startIcon': { display: { xs: 'none', sm: 'inherit' } },
        }}
      >
        <Typography
          component="span"
          noWrap
          sx={{ fontWeight: 600, fontSize: '0.9375rem', minWidth: 0 }}
        >
          {me.workspace.name}
        </Typography>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => {
          if (!switching) setAnchor(null);
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        transformOrigin={{ vertical: 'top', horizontal: 'left' }}
        slotProps={{ paper: { sx: { minWidth: 260, maxWidth: 360, mt: 0.5 } } }}
      >
        <ListSubheader sx={{ lineHeight: '36px' }}>Your workspaces</ListSubheader>
        {memberships.map((m) => {
          const current = m.workspace.id === me.workspace.id;
          return (
            <MenuItem
              key={m.workspace.id}
              selected={current}
              disabled={switching !== undefined}
              onClick={() => void choose(m.workspace.id)}
            >
              <ListItemText
                primary={m.workspace.name}
                secondary={switching === m.workspace.id ? 'Switching…' : roleLabel[m.role]}
                slotProps={{ primary: { noWrap: true, sx: { fontWeight: 600 } } }}
              />
              {current && (
                <ListItemIcon sx={{ justifyContent: 'flex-end' }}>
                  <CheckRounded fontSize="small" color="primary" />
                </ListItemIcon>
              )}
            </MenuItem>
          );
        })}
        {memberships.length === 1 && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ px: 2, pt: 1, pb: 0.5, maxWidth: 300 }}
          >
            To join another workspace, open an invite link from one of its admins.
          </Typography>
        )}
      </Menu>
      <Snackbar
        open={problem !== undefined}
        autoHideDuration={8000}
        onClose={() => {
          setProblem(undefined);
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity="error"
          variant="filled"
          onClose={() => {
            setProblem(undefined);
          }}
        >
          {problem}
        </Alert>
      </Snackbar>
    </>
  );
}
