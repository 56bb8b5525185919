import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** A competitor tab's layout: a wide main column and a narrow side column; one column on phones. */
export function TabColumns({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: { xs: 2, md: 3 },
        gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 1fr)' },
        alignItems: 'start',
      }}
    >
      {children}
    </Box>
  );
}
