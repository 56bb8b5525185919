import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';

/** The shape of a card while it loads, so nothing jumps when it arrives. */
export function CardSkeleton() {
  return (
    <Box aria-busy="true" aria-label="Loading battlecard">
      <Stack spacing={1} sx={{ mb: 3 }}>
        <Skeleton width={220} height={20} />
        <Skeleton width="60%" height={36} />
        <Skeleton variant="rounded" width={340} height={40} sx={{ maxWidth: '100%' }} />
      </Stack>
      <Box sx={{ columnCount: { xs: 1, md: 2 }, columnGap: 2 }}>
        {[3, 2, 4, 2].map((rows, i) => (
          <Card key={i} sx={{ mb: 2, breakInside: 'avoid', p: 2 }}>
            <Skeleton width={160} height={24} sx={{ mb: 1 }} />
            {Array.from({ length: rows }, (_, j) => (
              <Skeleton key={j} height={22} />
            ))}
          </Card>
        ))}
      </Box>
    </Box>
  );
}
