import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';

/** Grey rows where a list is about to show, announced as loading. */
export function ListSkeleton({ rows, rowHeight }: { rows: number; rowHeight: number }) {
  return (
    <Stack spacing={1} sx={{ p: 2 }} aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={rowHeight} />
      ))}
    </Stack>
  );
}
