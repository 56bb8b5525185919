import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import ManageAccountsOutlined from '@mui/icons-material/ManageAccountsOutlined';
import NotificationsNoneOutlined from '@mui/icons-material/NotificationsNoneOutlined';
import StyleOutlined from '@mui/icons-material/StyleOutlined';
import TimelineOutlined from '@mui/icons-material/TimelineOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import VpnKeyOutlined from '@mui/icons-material/VpnKeyOutlined';
import type { ReactNode } from 'react';
import type { Permission } from '../../../common/permissions';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Match only the exact path (for `/`). */
  end?: boolean;
  /** Shown only to callers with this permission (from /me). */
  permission?: Permission;
}

export interface NavGroup {
  /** Heading above the group; the first group has none. */
  label?: string;
  items: NavItem[];
}

/** Only pages that exist. Add an entry when its feature ships. */
export const navGroups: NavGroup[] = [
  {
    items: [
      { label: 'Home', to: '/', icon: <HomeOutlined />, end: true },
      { label: 'Competitors', to: '/competitors', icon: <StorefrontOutlined /> },
      { label: 'Battlecards', to: '/battlecards', icon: <StyleOutlined /> },
      { label: 'Deals', to: '/deals', icon: <HandshakeOutlined /> },
      { label: 'Analytics', to: '/analytics', icon: <InsightsOutlined /> },
      { label: 'Documents', to: '/documents', icon: <DescriptionOutlined /> },
      { label: 'Changes', to: '/changes', icon: <TimelineOutlined /> },
    ],
  },
  {
    label: 'Settings',
    items: [
      { label: 'Our product', to: '/settings/product', icon: <Inventory2Outlined /> },
      {
        label: 'Members',
        to: '/settings/members',
        icon: <GroupOutlined />,
        permission: 'members.read',
      },
      {
        label: 'API keys',
        to: '/settings/api-keys',
        icon: <VpnKeyOutlined />,
        permission: 'apiKeys.manage',
      },
      { label: 'Account', to: '/settings/account', icon: <ManageAccountsOutlined /> },
      {
        label: 'Notifications',
        to: '/settings/notifications',
        icon: <NotificationsNoneOutlined />,
      },
      {
        label: 'Audit log',
        to: '/settings/audit',
        icon: <HistoryOutlined />,
        permission: 'audit.read',
      },
    ],
  },
];
