import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { type DiffLine, diffLines } from '../../../../common/diff-lines';
import type { Change } from './api';

type Part = Change['diff'][number];
type Op = Part['op'];

const insertStyle = { bgcolor: 'success.light', color: 'success.contrastText', borderRadius: 0.5 };
const deleteStyle = {
  bgcolor: 'error.light',
  color: 'error.contrastText',
  textDecoration: 'line-through',
  borderRadius: 0.5,
};

/** Unchanged lines kept around each changed one. */
const CONTEXT_LINES = 1;
/** Unchanged text longer than this is shortened to its ends. */
const CONTEXT_CHARS = 160;

const shorten = (text: string) =>
  text.length <= CONTEXT_CHARS * 2
    ? text
    : `${text.slice(0, CONTEXT_CHARS)} … ${text.slice(-CONTEXT_CHARS)}`;

export interface IgnoreLine {
  /** Called with the line's text as shown (the version before or after). */
  onIgnore: (line: string) => void;
  /** Lines already turned into ignore rules in this view. */
  ignored: ReadonlySet<string>;
  pending: boolean;
}

/** Changed lines with a line of context around them; gaps become "…". */
function visibleLines(lines: DiffLine[]): (DiffLine | 'gap')[] {
  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (!line.changed) return;
    for (let k = i - CONTEXT_LINES; k <= i + CONTEXT_LINES; k++)
      if (k >= 0 && k < lines.length) keep[k] = true;
  });
  const out: (DiffLine | 'gap')[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) out.push(line);
    else if (out.at(-1) !== 'gap') out.push('gap');
  });
  return out;
}

function Line({
  line,
  show,
  text,
  ignore,
}: {
  line: DiffLine;
  show: ReadonlySet<Op>;
  /** The version this row shows, offered to "ignore this line". */
  text: string | null;
  ignore: IgnoreLine | undefined;
}) {
  const parts = line.parts.filter((p) => show.has(p.op));
  const done = text !== null && ignore?.ignored.has(text);
  return (
    <Stack
      direction="row"
      spacing={0.5}
      sx={{ alignItems: 'flex-start', py: 0.25, opacity: done ? 0.5 : 1 }}
      data-testid={line.changed ? 'diff-line-changed' : 'diff-line'}
    >
      <Typography
        component="div"
        variant="body2"
        sx={{
          flex: 1,
          minWidth: 0,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          lineHeight: 1.7,
        }}
      >
        {parts.map((p, i) => (
          <Box
            component={p.op === 'insert' ? 'ins' : p.op === 'delete' ? 'del' : 'span'}
            key={i}
            sx={p.op === 'insert' ? insertStyle : p.op === 'delete' ? deleteStyle : undefined}
          >
            {p.op === 'equal' && !line.changed ? shorten(p.text) : p.text}
          </Box>
        ))}
      </Typography>
      {ignore && line.changed && text !== null && (
        <Tooltip
          title={done ? 'Ignored from the next check on' : 'Ignore this line in future checks'}
        >
          <span>
            <IconButton
              size="small"
              aria-label={`Ignore this line: ${text.slice(0, 80)}`}
              disabled={done || ignore.pending}
              onClick={() => ignore.onIgnore(text)}
            >
              <VisibilityOffOutlined fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      )}
    </Stack>
  );
}

function Lines({
  lines,
  show,
  side,
  ignore,
}: {
  lines: (DiffLine | 'gap')[];
  show: ReadonlySet<Op>;
  /** Which version each row offers to ignore: the new one unless the line was removed. */
  side: 'before' | 'after' | 'inline';
  ignore: IgnoreLine | undefined;
}) {
  return (
    <Box>
      {lines.map((line, i) => {
        if (line === 'gap') {
          return (
            <Typography key={i} variant="body2" sx={{ color: 'text.disabled' }}>
              …
            </Typography>
          );
        }
        const text = side === 'inline' ? (line.after ?? line.before) : line[side];
        // A line that does not exist on this side leaves its row empty.
        if (side !== 'inline' && text === null) return null;
        return <Line key={i} line={line} show={show} text={text} ignore={ignore} />;
      })}
    </Box>
  );
}

const ALL: ReadonlySet<Op> = new Set(['equal', 'insert', 'delete']);
const BEFORE: ReadonlySet<Op> = new Set(['equal', 'delete']);
const AFTER: ReadonlySet<Op> = new Set(['equal', 'insert']);

/**
 * The word diff, line by line, inline (one text) or side by side (before | after); only
 * changed lines and their neighbours are shown. With `ignore`, each changed line has an
 * "ignore this line" button.
 */
export function DiffView({
  parts,
  mode,
  ignore,
}: {
  parts: Part[];
  mode: 'inline' | 'side';
  ignore?: IgnoreLine | undefined;
}) {
  const lines = visibleLines(diffLines(parts));
  if (mode === 'inline') return <Lines lines={lines} show={ALL} side="inline" ignore={ignore} />;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="overline">Before</Typography>
        <Lines lines={lines} show={BEFORE} side="before" ignore={ignore} />
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="overline">After</Typography>
        <Lines lines={lines} show={AFTER} side="after" ignore={ignore} />
      </Box>
    </Stack>
  );
}
