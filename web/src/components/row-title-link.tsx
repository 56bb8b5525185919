import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

/** The name at the head of a list row, linking to what the row is about. */
export function RowTitleLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      component={RouterLink}
      to={to}
      underline="hover"
      color="text.primary"
      sx={{ fontWeight: 650, wordBreak: 'break-word' }}
    >
      {children}
    </Link>
  );
}
