import HomeOutlined from '@mui/icons-material/HomeOutlined';
import type { ReactNode } from 'react';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Match only the exact path (for `/`). */
  end?: boolean;
}

/** Only pages that exist. Add an entry when its feature ships. */
export const navItems: NavItem[] = [{ label: 'Home', to: '/', icon: <HomeOutlined />, end: true }];
