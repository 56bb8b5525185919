import CameraAltOutlined from '@mui/icons-material/CameraAltOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import LanguageOutlined from '@mui/icons-material/LanguageOutlined';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import RssFeedOutlined from '@mui/icons-material/RssFeedOutlined';
import StickyNote2Outlined from '@mui/icons-material/StickyNote2Outlined';
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';
import type { EvidenceKind } from '../api';
import { evidenceKindLabel } from '../format';

const icons: Record<EvidenceKind, ReactNode> = {
  note: <StickyNote2Outlined />,
  webpage: <LanguageOutlined />,
  win_loss: <EmojiEventsOutlined />,
  call_snippet: <RecordVoiceOverOutlined />,
  document: <DescriptionOutlined />,
  snapshot: <CameraAltOutlined />,
  feed_item: <RssFeedOutlined />,
};

/** The kind of a piece of evidence as an icon in a tinted square, titled with its name. */
export function EvidenceKindIcon({ kind }: { kind: EvidenceKind }) {
  return (
    <Box
      title={evidenceKindLabel[kind]}
      aria-hidden
      sx={{
        width: 36,
        height: 36,
        flexShrink: 0,
        borderRadius: 1,
        display: 'grid',
        placeItems: 'center',
        bgcolor: 'action.hover',
        color: 'primary.main',
        '& svg': { fontSize: 20 },
      }}
    >
      {icons[kind]}
    </Box>
  );
}
