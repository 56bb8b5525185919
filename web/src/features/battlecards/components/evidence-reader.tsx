import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import OpenInNewRounded from '@mui/icons-material/OpenInNewRounded';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { memo, useEffect, useRef } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatDate } from '../../../lib/format';
import { evidenceKindLabel } from '../../competitors/format';
import { useEvidence, type Evidence } from '../api';
import { checkQuote, quoteFeedback, selectionToQuote, type QuoteCheck } from '../quote-match';

/** How long the selection must rest before it becomes the quote. */
const SELECTION_SETTLE_MS = 200;

/**
 * The evidence's full text, exactly as stored (plain text, never HTML). Memoised: re-rendering
 * it while someone is selecting text would throw their selection away.
 */
const EvidenceText = memo(function EvidenceText({
  content,
  mark,
  textRef,
  onSelectStart,
}: {
  content: string;
  /** A range to mark: the typed quote, found in the text. */
  mark: { start: number; end: number } | undefined;
  textRef: React.RefObject<HTMLDivElement | null>;
  onSelectStart: () => void;
}) {
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'nearest' });
  }, [mark?.start, mark?.end]);
  return (
    <Box
      ref={textRef}
      tabIndex={0}
      role="document"
      aria-label="Evidence text: select a passage to quote it"
      data-testid="evidence-text"
      onPointerDown={onSelectStart}
      onFocus={onSelectStart}
      sx={{
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        fontSize: '0.875rem',
        lineHeight: 1.65,
        p: 1.5,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        overflowY: 'auto',
        flex: 1,
        minHeight: 160,
        cursor: 'text',
        '&::selection, & *::selection': { bgcolor: 'rgba(255, 202, 40, 0.6)' },
        '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' },
      }}
    >
      {mark ? (
        <>
          {content.slice(0, mark.start)}
          <Box
            component="mark"
            ref={markRef}
            sx={{ bgcolor: 'rgba(255, 202, 40, 0.6)', color: 'inherit', borderRadius: '2px' }}
          >
            {content.slice(mark.start, mark.end)}
          </Box>
          {content.slice(mark.end)}
        </>
      ) : (
        content
      )}
    </Box>
  );
});

function FeedbackIcon({ check }: { check: QuoteCheck }) {
  const sx = { fontSize: 18, mt: '1px' };
  if (check.status === 'exact') return <CheckCircleRounded color="success" sx={sx} />;
  if (check.status === 'empty') return <InfoOutlined color="action" sx={sx} />;
  return <ErrorOutlineRounded color="error" sx={sx} />;
}

function feedbackColor(check: QuoteCheck): string {
  if (check.status === 'exact') return 'success.main';
  if (check.status === 'empty') return 'text.secondary';
  return 'error.main';
}

function ReaderBody({
  evidence,
  quote,
  quoteSource,
  onQuoteChange,
}: {
  evidence: Evidence;
  quote: string;
  quoteSource: 'typed' | 'selected';
  onQuoteChange: (quote: string, source: 'typed' | 'selected') => void;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const check = checkQuote(evidence.content, quote);

  // Selecting text in the evidence makes it the quote (mouse, keyboard or touch handles).
  useEffect(() => {
    let timer: number | undefined;
    const onSelectionChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const selection = window.getSelection();
        const block = textRef.current;
        if (!selection || selection.isCollapsed || !block) return;
        if (!block.contains(selection.anchorNode) || !block.contains(selection.focusNode)) return;
        const selected = selectionToQuote(selection.toString());
        if (selected) onQuoteChange(selected, 'selected');
      }, SELECTION_SETTLE_MS);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [onQuoteChange]);

  const mark =
    quoteSource === 'typed' && check.status === 'exact'
      ? { start: check.index, end: check.index + quote.length }
      : undefined;

  return (
    <Stack spacing={1.5} sx={{ height: '100%', minHeight: 0 }}>
      <Box>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 650, lineHeight: 1.35 }}>
          {evidence.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {evidenceKindLabel[evidence.kind]} · Captured {formatDate(evidence.capturedAt)}
          {evidence.url && (
            <>
              {' · '}
              <Link
                href={evidence.url}
                target="_blank"
                rel="noopener noreferrer"
                sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25 }}
              >
                Source <OpenInNewRounded sx={{ fontSize: 14 }} aria-label="(opens in a new tab)" />
              </Link>
            </>
          )}
        </Typography>
      </Box>
      <EvidenceText
        content={evidence.content}
        mark={mark}
        textRef={textRef}
        onSelectStart={() => {
          if (quoteSource === 'typed') onQuoteChange(quote, 'selected');
        }}
      />
      <Box>
        <TextField
          label="Quote"
          value={quote}
          onChange={(e) => {
            onQuoteChange(e.target.value, 'typed');
          }}
          multiline
          minRows={2}
          maxRows={5}
          size="small"
          slotProps={{ htmlInput: { 'aria-describedby': 'quote-feedback' } }}
          sx={(theme) => ({
            '& .MuiOutlinedInput-root': {
              bgcolor:
                check.status === 'exact' ? alpha(theme.palette.success.main, 0.05) : undefined,
            },
          })}
        />
        <Stack
          id="quote-feedback"
          direction="row"
          spacing={0.75}
          role="status"
          data-testid="quote-feedback"
          data-status={check.status}
          sx={{ mt: 0.75, alignItems: 'flex-start', color: feedbackColor(check) }}
        >
          <FeedbackIcon check={check} />
          <Typography variant="body2" sx={{ color: 'inherit' }}>
            {quoteFeedback(check)}
          </Typography>
        </Stack>
      </Box>
    </Stack>
  );
}

/** One piece of evidence in full, where the quote is chosen. */
export function EvidenceReader({
  evidenceId,
  quote,
  quoteSource,
  onQuoteChange,
  onLoaded,
}: {
  evidenceId: string;
  quote: string;
  quoteSource: 'typed' | 'selected';
  onQuoteChange: (quote: string, source: 'typed' | 'selected') => void;
  onLoaded: (evidence: Evidence) => void;
}) {
  const evidence = useEvidence(evidenceId);
  useEffect(() => {
    if (evidence.data) onLoaded(evidence.data);
  }, [evidence.data, onLoaded]);
  if (evidence.isPending) {
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading evidence">
        <Skeleton width="70%" height={28} />
        <Skeleton variant="rounded" height={220} />
      </Stack>
    );
  }
  if (evidence.isError) {
    return <QueryError what="this evidence" query={evidence} />;
  }
  return (
    <ReaderBody
      evidence={evidence.data}
      quote={quote}
      quoteSource={quoteSource}
      onQuoteChange={onQuoteChange}
    />
  );
}
