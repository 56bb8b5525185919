import Box from '@mui/material/Box';
import { Fragment } from 'react';

/** Text pieces where `match` ones are wrapped in <mark>: search snippets, in-card highlights. */
export function MarkedText({
  segments,
}: {
  segments: readonly { text: string; match: boolean }[];
}) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <Box
            component="mark"
            key={index}
            sx={{
              bgcolor: 'rgba(255, 202, 40, 0.45)',
              color: 'inherit',
              borderRadius: '3px',
              px: '1px',
              // Keeps the highlight when printed.
              printColorAdjust: 'exact',
            }}
          >
            {segment.text}
          </Box>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
