import Box from '@mui/material/Box';
import { Fragment } from 'react';
import { diffWords } from '../word-diff';

/** Before → after in one run of text: removed words struck in red, added words in green. */
export function WordDiffText({ before, after }: { before: string; after: string }) {
  return (
    <>
      {diffWords(before, after).map((segment, index, all) => {
        if (segment.kind === 'equal') return <Fragment key={index}>{segment.text}</Fragment>;
        const added = segment.kind === 'insert';
        // A replacement reads "old new": keep the struck and the new words apart.
        const replaced = !added && all[index + 1]?.kind === 'insert';
        return (
          <Box
            key={index}
            component={added ? 'ins' : 'del'}
            sx={{
              textDecoration: added ? 'none' : 'line-through',
              bgcolor: added ? 'rgba(46, 125, 50, 0.16)' : 'rgba(198, 40, 40, 0.12)',
              color: added ? '#1b5e20' : '#b71c1c',
              borderRadius: '3px',
              px: '1px',
              mr: replaced ? '3px' : 0,
              printColorAdjust: 'exact',
            }}
          >
            {segment.text}
          </Box>
        );
      })}
    </>
  );
}
