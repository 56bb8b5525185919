import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Change } from './api';

type Part = Change['diff'][number];

const insertStyle = { bgcolor: 'success.light', color: 'success.contrastText', borderRadius: 0.5 };
const deleteStyle = {
  bgcolor: 'error.light',
  color: 'error.contrastText',
  textDecoration: 'line-through',
  borderRadius: 0.5,
};

/** Unchanged runs longer than this are shortened to their ends. */
const CONTEXT = 160;

function shorten(text: string): string {
  if (text.length <= CONTEXT * 2) return text;
  return `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`;
}

function Runs({ parts, show }: { parts: Part[]; show: Set<Part['op']> }) {
  return (
    <Typography component="div" variant="body2" sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}>
      {parts
        .filter((p) => show.has(p.op))
        .map((p, i) => (
          <Box
            component={p.op === 'insert' ? 'ins' : p.op === 'delete' ? 'del' : 'span'}
            key={i}
            sx={p.op === 'insert' ? insertStyle : p.op === 'delete' ? deleteStyle : undefined}
          >
            {p.op === 'equal' ? shorten(p.text) : p.text}
          </Box>
        ))}
    </Typography>
  );
}

/** The word diff inline (one text) or side by side (before | after). */
export function DiffView({ parts, mode }: { parts: Part[]; mode: 'inline' | 'side' }) {
  if (mode === 'inline')
    return <Runs parts={parts} show={new Set(['equal', 'insert', 'delete'])} />;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="overline">Before</Typography>
        <Runs parts={parts} show={new Set(['equal', 'delete'])} />
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="overline">After</Typography>
        <Runs parts={parts} show={new Set(['equal', 'insert'])} />
      </Box>
    </Stack>
  );
}
