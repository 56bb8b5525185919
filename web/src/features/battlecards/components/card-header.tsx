import EditOutlined from '@mui/icons-material/EditOutlined';
import HistoryRounded from '@mui/icons-material/HistoryRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import type { Battlecard } from '../../../../../common/battlecards';

/** A link that is a labelled button on a desktop and an icon on a phone (same accessible name). */
export function HeaderAction({
  to,
  label,
  icon,
  primary,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  primary?: boolean;
}) {
  const isPhone = useBelowBreakpoint('sm');
  if (isPhone) {
    return (
      <Tooltip title={label}>
        <IconButton component={RouterLink} to={to} aria-label={label} size="small">
          {icon}
        </IconButton>
      </Tooltip>
    );
  }
  return (
    <Button
      component={RouterLink}
      to={to}
      startIcon={icon}
      variant={primary ? 'contained' : 'outlined'}
      size="small"
      sx={primary ? undefined : { bgcolor: 'background.paper' }}
    >
      {label}
    </Button>
  );
}

/** Competitor · segment, linking back to the competitor. */
export function CardContextLine({
  card,
  component = 'p',
}: {
  card: Pick<Battlecard, 'competitor' | 'segment'>;
  /** `span` inside another paragraph. */
  component?: 'p' | 'span';
}) {
  return (
    <Typography
      variant="body2"
      component={component}
      color="text.secondary"
      noWrap
      sx={{ fontWeight: 600, display: 'block' }}
    >
      <Link
        component={RouterLink}
        to={`/competitors/${card.competitor.id}`}
        color="inherit"
        underline="hover"
      >
        {card.competitor.name}
      </Link>
      {' · '}
      <span data-testid="card-segment">{card.segment}</span>
    </Typography>
  );
}

/**
 * The sticky top of a card page: what card this is and its state, plus page tools. Stays in
 * view while a seller scrolls, so the search box is always one tap away.
 */
export function StickyCardHeader({
  context,
  title,
  chips,
  tools,
  actions,
}: {
  context: ReactNode;
  title: string;
  chips: ReactNode;
  /** Left of the bottom row: search, section menu. */
  tools?: ReactNode;
  /** Right of the bottom row: links and buttons. */
  actions?: ReactNode;
}) {
  return (
    <Box
      component="header"
      data-testid="card-header"
      sx={{
        position: 'sticky',
        top: { xs: 56, sm: 64 },
        zIndex: (theme) => theme.zIndex.appBar - 1,
        mx: { xs: -2, sm: -3 },
        mt: { xs: -2.5, sm: -4 },
        mb: 2,
        px: { xs: 2, sm: 3 },
        pt: { xs: 1.25, sm: 2 },
        pb: 1.25,
        // Solid: text scrolling underneath must not show through as ghost text.
        bgcolor: 'background.default',
        borderBottom: 1,
        borderColor: 'divider',
        '@media print': { position: 'static', bgcolor: 'transparent', mx: 0, px: 0 },
      }}
    >
      <title>{`${title} · Ringside`}</title>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}
      >
        <Box sx={{ minWidth: 0, maxWidth: '100%' }}>{context}</Box>
        {chips}
      </Stack>
      <Typography
        variant="h1"
        sx={{
          fontSize: { xs: '1.15rem', sm: '1.5rem' },
          mt: 0.25,
          mb: 1,
          // Up to two lines on a phone, so the card's name (after the competitor) stays visible.
          display: { xs: '-webkit-box', sm: 'block' },
          WebkitLineClamp: { xs: 2, sm: 'unset' },
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
          overflowWrap: 'anywhere',
        }}
      >
        {title}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', displayPrint: 'none' }}>
        {tools}
        <Box sx={{ flex: { xs: 0, sm: 1 } }} />
        {actions && (
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', flexShrink: 0, displayPrint: 'none' }}
          >
            {actions}
          </Stack>
        )}
      </Stack>
    </Box>
  );
}

export const editIcon = <EditOutlined fontSize="small" />;
export const historyIcon = <HistoryRounded fontSize="small" />;
