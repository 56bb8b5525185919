import MenuRounded from '@mui/icons-material/MenuRounded';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { Fragment, useEffect, useState } from 'react';
import { Link as RouterLink, Outlet, matchPath, useLocation } from 'react-router';
import { RingsideLogo } from '../components/ringside-logo';
import { useAuth, useMe } from '../features/auth/auth-context';
import { UserMenu } from '../features/auth/components/user-menu';
import { WorkspaceSwitcher } from '../features/auth/components/workspace-switcher';
import { NotificationsBell } from '../features/notifications/notifications-bell';
import { SearchLauncher } from '../features/search/search-launcher';
import { useRealtimeConnection } from '../lib/realtime-hooks';
import { navGroups } from './navigation';
import { drawerWidth } from './theme';

function NavList({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const { can } = useAuth();
  return (
    <Box component="nav" aria-label="Main" sx={{ pt: 1.5 }}>
      {navGroups.map((group, index) => {
        const items = group.items.filter((item) => !item.permission || can(item.permission));
        if (items.length === 0) return null;
        const headingId = group.label ? `nav-group-${index}` : undefined;
        return (
          <List
            key={group.label ?? index}
            aria-labelledby={headingId}
            subheader={
              group.label ? (
                <ListSubheader
                  id={headingId}
                  disableSticky
                  sx={{
                    bgcolor: 'transparent',
                    lineHeight: '32px',
                    mt: 1,
                    fontSize: '0.75rem',
                    fontWeight: 700,
                    letterSpacing: '0.08em',
                    textTransform: 'uppercase',
                  }}
                >
                  {group.label}
                </ListSubheader>
              ) : undefined
            }
            sx={{ py: 0 }}
          >
            {items.map((item) => {
              const selected =
                matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null;
              return (
                <ListItemButton
                  key={item.to}
                  component={RouterLink}
                  to={item.to}
                  selected={selected}
                  aria-current={selected ? 'page' : undefined}
                  onClick={onNavigate}
                >
                  <ListItemIcon>{item.icon}</ListItemIcon>
                  <ListItemText
                    primary={item.label}
                    slotProps={{ primary: { sx: { fontWeight: 600 } } }}
                  />
                </ListItemButton>
              );
            })}
          </List>
        );
      })}
    </Box>
  );
}

export function AppLayout() {
  const theme = useTheme();
  // Phones get a temporary drawer behind a menu button; wider screens a permanent one.
  const isPhone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const [mobileOpen, setMobileOpen] = useState(false);
  const { pathname } = useLocation();
  const me = useMe();
  const { reloadMe } = useAuth();
  // One live connection per tab while signed in; a new workspace is a new connection.
  useRealtimeConnection(`${me.user.id}:${me.workspace.id}`, () => void reloadMe().catch(() => {}));

  useEffect(() => {
    setMobileOpen(false);
  }, [pathname, isPhone]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: -9999,
          zIndex: theme.zIndex.tooltip,
          '&:focus': { left: 8, top: 8, p: 1, bgcolor: 'background.paper', borderRadius: 1 },
        }}
      >
        Skip to content
      </Link>

      <AppBar
        position="fixed"
        color="primary"
        // Above the permanent drawer; below the temporary one, whose backdrop covers everything.
        sx={{ zIndex: { xs: theme.zIndex.appBar, sm: theme.zIndex.drawer + 1 } }}
        data-testid="app-bar"
      >
        <Toolbar sx={{ gap: 1 }}>
          {isPhone && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label="Open navigation"
              aria-expanded={mobileOpen}
              aria-controls="main-navigation"
              onClick={() => {
                setMobileOpen(true);
              }}
            >
              <MenuRounded />
            </IconButton>
          )}
          <Box
            component={RouterLink}
            to="/"
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1.25,
              color: 'inherit',
              textDecoration: 'none',
              borderRadius: 1,
            }}
          >
            <RingsideLogo />
            <Typography
              variant="h6"
              component="span"
              sx={{
                fontWeight: 700,
                letterSpacing: '-0.01em',
                // On phones the workspace name needs the room; the logo still leads Home.
                display: { xs: 'none', sm: 'inline' },
              }}
            >
              Ringside
            </Typography>
          </Box>
          <Box sx={{ flexGrow: 1 }} />
          <SearchLauncher />
          <NotificationsBell />
          <WorkspaceSwitcher />
          <UserMenu />
        </Toolbar>
      </AppBar>

      <Box
        component="aside"
        id="main-navigation"
        sx={{
          width: { sm: drawerWidth },
          flexShrink: { sm: 0 },
          // The drawer paper is fixed; this keeps its colour going on pages taller than the window.
          bgcolor: { sm: 'background.paper' },
          borderRight: { sm: 1 },
          borderColor: 'divider',
        }}
      >
        {isPhone ? (
          <Drawer
            variant="temporary"
            open={mobileOpen}
            onClose={() => {
              setMobileOpen(false);
            }}
            ModalProps={{ keepMounted: true }}
            slotProps={{ paper: { sx: { width: drawerWidth } } }}
          >
            <Toolbar sx={{ gap: 1.25, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
              <RingsideLogo />
              <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
                Ringside
              </Typography>
            </Toolbar>
            <NavList
              onNavigate={() => {
                setMobileOpen(false);
              }}
            />
          </Drawer>
        ) : (
          <Drawer
            variant="permanent"
            open
            slotProps={{
              paper: {
                sx: {
                  width: drawerWidth,
                  boxSizing: 'border-box',
                  borderRight: 1,
                  borderColor: 'divider',
                },
              },
            }}
          >
            <Toolbar />
            <NavList />
          </Drawer>
        )}
      </Box>

      <Box
        component="main"
        id="main"
        tabIndex={-1}
        sx={{ flexGrow: 1, minWidth: 0, outline: 'none' }}
      >
        <Toolbar />
        <Container maxWidth="lg" sx={{ py: { xs: 2.5, sm: 4 }, px: { xs: 2, sm: 3 } }}>
          {/* A new workspace is a new app: every page remounts and loads its data afresh. */}
          <Fragment key={me.workspace.id}>
            <Outlet />
          </Fragment>
        </Container>
      </Box>
    </Box>
  );
}
