import MenuRounded from '@mui/icons-material/MenuRounded';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useEffect, useState } from 'react';
import { Link as RouterLink, Outlet, matchPath, useLocation } from 'react-router';
import { RingsideLogo } from '../components/ringside-logo';
import { navItems } from './navigation';
import { drawerWidth } from './theme';

function NavList({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  return (
    <List component="nav" aria-label="Main" sx={{ pt: 1.5 }}>
      {navItems.map((item) => {
        const selected = matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null;
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
}

export function AppLayout() {
  const theme = useTheme();
  // Phones get a temporary drawer behind a menu button; wider screens a permanent one.
  const isPhone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const [mobileOpen, setMobileOpen] = useState(false);
  const { pathname } = useLocation();

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
              sx={{ fontWeight: 700, letterSpacing: '-0.01em' }}
            >
              Ringside
            </Typography>
          </Box>
          <Box sx={{ flexGrow: 1 }} />
          {pathname !== '/sign-in' && (
            <Button
              component={RouterLink}
              to="/sign-in"
              color="inherit"
              variant="outlined"
              sx={{ borderColor: 'rgba(255,255,255,0.5)', '&:hover': { borderColor: '#fff' } }}
            >
              Sign in
            </Button>
          )}
        </Toolbar>
      </AppBar>

      <Box
        component="aside"
        id="main-navigation"
        sx={{ width: { sm: drawerWidth }, flexShrink: { sm: 0 } }}
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
          <Outlet />
        </Container>
      </Box>
    </Box>
  );
}
