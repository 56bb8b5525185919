import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import NewspaperOutlined from '@mui/icons-material/NewspaperOutlined';
import QuestionAnswerOutlined from '@mui/icons-material/QuestionAnswerOutlined';
import ReportGmailerrorredOutlined from '@mui/icons-material/ReportGmailerrorredOutlined';
import SellOutlined from '@mui/icons-material/SellOutlined';
import TrendingDownRounded from '@mui/icons-material/TrendingDownRounded';
import TrendingUpRounded from '@mui/icons-material/TrendingUpRounded';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';
import type { SectionKey } from '../../../../../common/battlecards';

const ICONS: Record<SectionKey, ComponentType<SvgIconProps>> = {
  overview: InfoOutlined,
  strengths: TrendingUpRounded,
  weaknesses: TrendingDownRounded,
  how_we_win: EmojiEventsOutlined,
  objections: QuestionAnswerOutlined,
  landmines: ReportGmailerrorredOutlined,
  pricing: SellOutlined,
  customers: GroupsOutlined,
  news: NewspaperOutlined,
  talking_points: CampaignOutlined,
};

/** A section's icon, so sellers find "Objection handling" by shape as well as by name. */
export function SectionIcon({ section, ...props }: { section: SectionKey } & SvgIconProps) {
  const Icon = ICONS[section];
  return <Icon aria-hidden {...props} />;
}
