import FormatListBulletedRounded from '@mui/icons-material/FormatListBulletedRounded';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { Section } from '../../../../../common/battlecards';
import { sectionAnchor } from './card-sections';
import { SectionIcon } from './section-icon';

/** Straight to "Objection handling" without scrolling past everything else. */
export function SectionJumpMenu({ sections }: { sections: readonly Section[] }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  if (sections.length === 0) return null;
  return (
    <>
      <Tooltip title="Jump to section">
        <IconButton
          aria-label="Jump to section"
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
          aria-controls={anchor ? menuId : undefined}
          onClick={(e) => {
            setAnchor(e.currentTarget);
          }}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}
          size="small"
        >
          <FormatListBulletedRounded fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => {
          setAnchor(null);
        }}
      >
        {sections.map((section) => (
          <MenuItem
            key={section.key}
            dense
            onClick={() => {
              setAnchor(null);
              document
                .getElementById(sectionAnchor(section.key))
                ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            }}
          >
            <ListItemIcon>
              <SectionIcon section={section.key} fontSize="small" />
            </ListItemIcon>
            <ListItemText primary={section.title} />
            <Typography variant="body2" color="text.secondary" sx={{ ml: 2 }}>
              {section.claims.length}
            </Typography>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
