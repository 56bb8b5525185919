import LogoutRounded from '@mui/icons-material/LogoutRounded';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import VpnKeyOutlined from '@mui/icons-material/VpnKeyOutlined';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { PersonAvatar } from '../../../components/person-avatar';
import { useAuth, useMe } from '../auth-context';
import { roleLabel } from '../roles';

/** The avatar in the app bar: who is signed in, their account pages, and sign-out. */
export function UserMenu() {
  const me = useMe();
  const { signOut, can } = useAuth();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const close = () => {
    setAnchor(null);
  };

  return (
    <>
      <IconButton
        onClick={(e) => {
          setAnchor(e.currentTarget);
        }}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        aria-label={`Account menu for ${me.user.name}`}
        data-testid="user-menu"
        sx={{ p: 0.5 }}
      >
        <PersonAvatar name={me.user.name} />
      </IconButton>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { minWidth: 240, maxWidth: 320, mt: 0.5 } } }}
      >
        <Box sx={{ px: 2, pt: 1, pb: 1.5 }}>
          <Typography variant="subtitle2" noWrap>
            {me.user.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {me.user.email}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {roleLabel[me.role]} in {me.workspace.name}
          </Typography>
        </Box>
        <Divider />
        <MenuItem component={RouterLink} to="/settings/account" onClick={close}>
          <ListItemIcon>
            <ManageAccountsOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Account" />
        </MenuItem>
        {can('apiKeys.manage') && (
          <MenuItem component={RouterLink} to="/settings/api-keys" onClick={close}>
            <ListItemIcon>
              <VpnKeyOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText primary="API keys" />
          </MenuItem>
        )}
        <Divider />
        <MenuItem
          disabled={signingOut}
          onClick={() => {
            setSigningOut(true);
            void signOut().finally(() => {
              setSigningOut(false);
              close();
            });
          }}
        >
          <ListItemIcon>
            <LogoutRounded fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={signingOut ? 'Signing out…' : 'Sign out'} />
        </MenuItem>
      </Menu>
    </>
  );
}
