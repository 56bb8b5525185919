import AddLinkRounded from '@mui/icons-material/AddLinkRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Claim } from '../../../../../common/battlecards';
import { ApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import type { DraftCitation } from './citation-picker';

/** A claim has at most this many sources. */
const CITATIONS_MAX = 20;

interface CitationProblem {
  index: number;
  reason: string;
}

/** `invalid_citation` names each bad citation by its index in what was sent. */
export function citationProblems(error: unknown): Map<number, string> {
  const problems = new Map<number, string>();
  if (!(error instanceof ApiError) || error.code !== 'invalid_citation') return problems;
  const list = (error.details as { citations?: unknown } | undefined)?.citations;
  if (!Array.isArray(list)) return problems;
  for (const item of list as CitationProblem[]) {
    if (typeof item.index !== 'number') continue;
    problems.set(
      item.index,
      item.reason === 'evidence_not_found'
        ? 'This evidence no longer exists. Remove the citation or pick another source.'
        : 'The quote is no longer in this evidence (it may have changed). Quote it again.',
    );
  }
  return problems;
}

function CitationRow({
  n,
  citation,
  problem,
  onRemove,
}: {
  n: number;
  citation: DraftCitation;
  problem: string | undefined;
  onRemove: () => void;
}) {
  return (
    <Box
      component="li"
      data-testid="draft-citation"
      sx={{
        listStyle: 'none',
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        p: 1.25,
        border: 1,
        borderColor: problem ? 'error.main' : 'divider',
        borderRadius: 1,
        bgcolor: problem ? 'rgba(198, 40, 40, 0.04)' : 'background.paper',
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 700, color: 'primary.main', minWidth: 24 }}>
        [{n}]
      </Typography>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
          {citation.title}
        </Typography>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{
            fontStyle: 'italic',
            display: '-webkit-box',
            WebkitLineClamp: 3,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            wordBreak: 'break-word',
          }}
        >
          “{citation.quote}”
        </Typography>
        <Typography variant="caption" color="text.secondary">
          Captured {formatDate(citation.capturedAt)}
        </Typography>
        {problem && (
          <Typography variant="body2" color="error" role="alert" sx={{ mt: 0.5 }}>
            {problem}
          </Typography>
        )}
      </Box>
      <IconButton size="small" aria-label={`Remove citation ${n}`} onClick={onRemove}>
        <CloseRounded fontSize="small" />
      </IconButton>
    </Box>
  );
}

/** The claim's citations as the dialog edits them. */
export function toDraft(claim: Claim): DraftCitation[] {
  return claim.citations.map((c) => ({
    evidenceId: c.evidenceId,
    quote: c.quote,
    title: c.title,
    url: c.url,
    capturedAt: c.capturedAt,
  }));
}

/** The claim's sources in the dialog: each quote with its problem, if any, and "Add citation". */
export function ClaimSources({
  citations,
  problems,
  onAdd,
  onRemove,
}: {
  citations: readonly DraftCitation[];
  /** By index in `citations`: why the server refused that citation. */
  problems: ReadonlyMap<number, string>;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          Sources ({citations.length})
        </Typography>
        <Button
          size="small"
          startIcon={<AddLinkRounded />}
          onClick={onAdd}
          disabled={citations.length >= CITATIONS_MAX}
        >
          Add citation
        </Button>
      </Stack>
      {citations.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No sources yet. Claims that cite evidence earn sellers’ trust: add the passage this claim
          rests on.
        </Typography>
      ) : (
        <Stack component="ul" spacing={1} sx={{ m: 0, p: 0 }} aria-label="Citations">
          {citations.map((citation, index) => (
            <CitationRow
              key={`${citation.evidenceId}-${index}`}
              n={index + 1}
              citation={citation}
              problem={problems.get(index)}
              onRemove={() => {
                onRemove(index);
              }}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}
