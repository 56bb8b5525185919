import ArrowDownwardRounded from '@mui/icons-material/ArrowDownwardRounded';
import ArrowUpwardRounded from '@mui/icons-material/ArrowUpwardRounded';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LinkOffRounded from '@mui/icons-material/LinkOffRounded';
import MoreVertRounded from '@mui/icons-material/MoreVertRounded';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useId, useState } from 'react';
import type { Claim } from '../../../../../common/battlecards';
import { MarkedText } from '../../../components/marked-text';
import { splitBeforeLastWord } from '../trailing-word';
import { CitationMarkers } from './citation-marker';
import { ClaimMeta } from './claim-view';

export interface ClaimActions {
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onVerify: () => void;
  onMarkStale: () => void;
  onDelete: () => void;
}

/** One claim in the editor: its content as sellers see it, plus the tools to change it. */
export function EditableClaim({
  claim,
  objection,
  competitorId,
  first,
  last,
  busy,
  actions,
}: {
  claim: Claim;
  objection: boolean;
  competitorId: string;
  first: boolean;
  last: boolean;
  /** A write on this section is in flight: hold the move buttons. */
  busy: boolean;
  actions: ClaimActions;
}) {
  const { head, tail } = splitBeforeLastWord([{ text: claim.text, match: false }]);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const closeMenu = () => {
    setMenuAnchor(null);
  };
  return (
    <Box
      component="li"
      id={`claim-${claim.id}`}
      data-testid="editable-claim"
      sx={{
        listStyle: 'none',
        display: 'flex',
        gap: { xs: 0.5, sm: 1 },
        alignItems: 'flex-start',
        py: 1,
        pl: { xs: 0.5, sm: 1 },
        pr: { xs: 0.5, sm: 1 },
        borderLeft: 3,
        borderColor: claim.stale ? 'warning.main' : 'transparent',
      }}
    >
      <Stack sx={{ flexShrink: 0 }}>
        <IconButton
          size="small"
          aria-label="Move up"
          disabled={first || busy}
          onClick={() => {
            actions.onMove(-1);
          }}
        >
          <ArrowUpwardRounded fontSize="small" />
        </IconButton>
        <IconButton
          size="small"
          aria-label="Move down"
          disabled={last || busy}
          onClick={() => {
            actions.onMove(1);
          }}
        >
          <ArrowDownwardRounded fontSize="small" />
        </IconButton>
      </Stack>
      <Box sx={{ flex: 1, minWidth: 0, pt: 0.5 }}>
        <Typography
          variant="body2"
          sx={{
            fontWeight: objection ? 600 : 400,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          <MarkedText segments={head} />
          {/* The last word and the citation markers wrap together, never apart. */}
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            <MarkedText segments={tail} />
            <CitationMarkers citations={claim.citations} competitorId={competitorId} />
          </Box>
        </Typography>
        {objection && (
          <Box
            sx={(theme) => ({
              mt: 0.75,
              p: 1,
              borderRadius: 1,
              bgcolor: alpha(theme.palette.secondary.main, 0.07),
              borderLeft: 3,
              borderColor: 'secondary.main',
            })}
          >
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {claim.response ?? (
                <Box component="span" sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
                  No response yet: sellers need one to copy.
                </Box>
              )}
            </Typography>
          </Box>
        )}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <ClaimMeta claim={claim} />
          {claim.citations.length === 0 && (
            <Typography
              variant="caption"
              sx={{
                mt: 0.75,
                color: 'warning.main',
                display: 'inline-flex',
                alignItems: 'center',
                gap: 0.5,
              }}
            >
              <LinkOffRounded sx={{ fontSize: 15 }} aria-hidden />
              No sources
            </Typography>
          )}
        </Stack>
      </Box>
      <Stack direction="row" sx={{ flexShrink: 0 }}>
        <Tooltip title="Edit claim">
          <IconButton size="small" aria-label="Edit claim" onClick={actions.onEdit}>
            <EditOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <IconButton
          size="small"
          aria-label="More actions"
          aria-haspopup="menu"
          aria-expanded={menuAnchor !== null}
          aria-controls={menuAnchor ? menuId : undefined}
          onClick={(e) => {
            setMenuAnchor(e.currentTarget);
          }}
        >
          <MoreVertRounded fontSize="small" />
        </IconButton>
      </Stack>
      <Menu
        id={menuId}
        anchorEl={menuAnchor}
        open={menuAnchor !== null}
        onClose={closeMenu}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <MenuItem
          onClick={() => {
            closeMenu();
            actions.onVerify();
          }}
        >
          <ListItemIcon>
            <VerifiedOutlined fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Mark as verified" />
        </MenuItem>
        <MenuItem
          disabled={claim.stale}
          onClick={() => {
            closeMenu();
            actions.onMarkStale();
          }}
        >
          <ListItemIcon>
            <WarningAmberRounded fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Mark as stale" />
        </MenuItem>
        <MenuItem
          onClick={() => {
            closeMenu();
            actions.onDelete();
          }}
          sx={{ color: 'error.main' }}
        >
          <ListItemIcon sx={{ color: 'inherit' }}>
            <DeleteOutlineRounded fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Delete claim" />
        </MenuItem>
      </Menu>
    </Box>
  );
}
