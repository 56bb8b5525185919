import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ComponentProps, ReactNode } from 'react';

/** Rows one under the other with a line between: a feed, or a table's phone version. */
export function RowList({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {children}
    </Box>
  );
}

/** A plain style object (the `sx` of one element, without theme functions or arrays). */
type StyleObject = Exclude<SxProps<Theme>, readonly unknown[] | ((...args: never[]) => unknown)>;

const rowSx: StyleObject = {
  px: 2,
  py: 1.5,
  '& + &': { borderTop: 1, borderColor: 'divider' },
};

/** One row of a `RowList`; its `sx` adds to (or overrides) the row's padding and line. */
export function RowListItem({
  sx,
  ...props
}: Omit<ComponentProps<'li'>, 'ref'> & { sx?: StyleObject }) {
  return <Box component="li" sx={[rowSx, sx ?? {}]} {...props} />;
}
