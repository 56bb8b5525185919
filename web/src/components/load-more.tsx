import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The part of a paged list query (`usePagedList`) that loads the next page. */
export interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" while the list has a next page. */
export function LoadMoreButton({ list }: { list: NextPageQuery }) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="outlined"
      onClick={() => void list.fetchNextPage()}
      disabled={list.isFetchingNextPage}
    >
      {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
    </Button>
  );
}

/** Under a paged list: how many are shown, why the next page failed, and "Load more". */
export function LoadMoreFooter({ summary, list }: { summary: ReactNode; list: NextPageQuery }) {
  return (
    <Box
      sx={{
        px: 2,
        py: 1.5,
        borderTop: 1,
        borderColor: 'divider',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 2,
        flexWrap: 'wrap',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {summary}
      </Typography>
      {list.isFetchNextPageError && (
        <Typography variant="body2" color="error" role="alert">
          Couldn&apos;t load more: {list.error?.message}
        </Typography>
      )}
      <LoadMoreButton list={list} />
    </Box>
  );
}
