import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { SearchField } from '../../../components/search-field';
import { formatDate } from '../../../lib/format';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { evidenceKindLabel } from '../../competitors/format';
import { useCompetitorEvidence, type Evidence } from '../api';
import { checkQuote } from '../quote-match';
import { EvidenceReader } from './evidence-reader';

/** A citation as the editor holds it: what is sent, plus what the form shows. */
export interface DraftCitation {
  evidenceId: string;
  quote: string;
  title: string;
  url: string | null;
  capturedAt: string;
}

function EvidenceList({
  competitorId,
  competitorName,
  selectedId,
  onSelect,
}: {
  competitorId: string;
  competitorName: string;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q.trim(), 200);
  const evidence = useCompetitorEvidence(competitorId, debounced, true);
  const items = evidence.data?.items ?? [];
  return (
    <Stack sx={{ minHeight: 0, height: '100%' }}>
      <Box sx={{ p: 2, pb: 1 }}>
        <SearchField
          label="Search evidence"
          placeholder={`Search ${competitorName} evidence`}
          value={q}
          onChange={setQ}
        />
      </Box>
      <Box sx={{ height: 4 }}>{evidence.isFetching && <LinearProgress />}</Box>
      {evidence.isError && <QueryError what="the evidence" query={evidence} inset />}
      {evidence.data && items.length === 0 && (
        <Box sx={{ p: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {debounced ? (
              <>No evidence matches “{debounced}”.</>
            ) : (
              <>
                No evidence on {competitorName} yet. Add notes, pages or call snippets on the{' '}
                <Link component={RouterLink} to={`/competitors/${competitorId}`}>
                  competitor’s page
                </Link>
                , then cite them here.
              </>
            )}
          </Typography>
        </Box>
      )}
      <List aria-label="Evidence" sx={{ overflowY: 'auto', flex: 1, py: 0 }}>
        {items.map((item) => (
          <ListItemButton
            key={item.id}
            selected={item.id === selectedId}
            onClick={() => {
              onSelect(item.id);
            }}
            sx={{ alignItems: 'flex-start', mx: 1 }}
          >
            <ListItemText
              primary={item.title}
              secondary={
                <>
                  <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                    {evidenceKindLabel[item.kind]} · {formatDate(item.capturedAt)}
                  </Box>
                  <Box
                    component="span"
                    sx={{
                      display: '-webkit-box',
                      WebkitLineClamp: 2,
                      WebkitBoxOrient: 'vertical',
                      overflow: 'hidden',
                    }}
                  >
                    {item.excerpt}
                  </Box>
                </>
              }
              slotProps={{
                primary: { sx: { fontWeight: 600, fontSize: '0.9rem' } },
                secondary: { variant: 'caption' },
              }}
            />
          </ListItemButton>
        ))}
      </List>
    </Stack>
  );
}

/**
 * Choose a piece of this competitor's evidence and the exact passage a claim rests on — by
 * selecting it in the text or typing it — with instant word on whether it matches exactly.
 */
export function CitationPicker({
  open,
  competitorId,
  competitorName,
  onClose,
  onPick,
}: {
  open: boolean;
  competitorId: string;
  competitorName: string;
  onClose: () => void;
  onPick: (citation: DraftCitation) => void;
}) {
  const isPhone = useBelowBreakpoint('md');
  const titleId = useId();
  const [evidenceId, setEvidenceId] = useState<string | undefined>();
  const [evidence, setEvidence] = useState<Evidence | undefined>();
  const [quote, setQuote] = useState('');
  const [quoteSource, setQuoteSource] = useState<'typed' | 'selected'>('typed');

  const onQuoteChange = useCallback((next: string, source: 'typed' | 'selected') => {
    setQuote(next);
    setQuoteSource(source);
  }, []);
  const onLoaded = useCallback((loaded: Evidence) => {
    setEvidence(loaded);
  }, []);

  const current = evidence?.id === evidenceId ? evidence : undefined;
  const exact = current !== undefined && checkQuote(current.content, quote).status === 'exact';

  const reset = () => {
    setEvidenceId(undefined);
    setEvidence(undefined);
    setQuote('');
    setQuoteSource('typed');
  };
  const close = () => {
    reset();
    onClose();
  };

  // Phones show one pane at a time: the list, then the chosen evidence.
  const showList = !isPhone || evidenceId === undefined;
  const showReader = !isPhone || evidenceId !== undefined;

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      fullScreen={isPhone}
      maxWidth="lg"
      fullWidth
    >
      <DialogTitle id={titleId} sx={{ pb: 1 }}>
        Cite evidence
        <Typography variant="body2" color="text.secondary">
          Pick a source on {competitorName}, then select the passage that supports the claim.
        </Typography>
      </DialogTitle>
      <DialogContent
        dividers
        sx={{
          p: 0,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: '340px minmax(0, 1fr)' },
          height: { xs: 'auto', md: '68vh' },
          minHeight: 0,
        }}
      >
        {showList && (
          <Box sx={{ borderRight: { md: 1 }, borderColor: 'divider', minHeight: 0 }}>
            <EvidenceList
              competitorId={competitorId}
              competitorName={competitorName}
              selectedId={evidenceId}
              onSelect={(id) => {
                setEvidenceId(id);
                setQuote('');
                setQuoteSource('typed');
              }}
            />
          </Box>
        )}
        {showReader && (
          <Box sx={{ p: 2, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            {isPhone && (
              <Button
                startIcon={<ArrowBackRounded />}
                onClick={() => {
                  setEvidenceId(undefined);
                }}
                sx={{ alignSelf: 'flex-start', mb: 1 }}
              >
                All evidence
              </Button>
            )}
            {evidenceId ? (
              <EvidenceReader
                key={evidenceId}
                evidenceId={evidenceId}
                quote={quote}
                quoteSource={quoteSource}
                onQuoteChange={onQuoteChange}
                onLoaded={onLoaded}
              />
            ) : (
              <Stack
                sx={{
                  flex: 1,
                  alignItems: 'center',
                  justifyContent: 'center',
                  color: 'text.secondary',
                }}
                spacing={1}
              >
                <DescriptionOutlined aria-hidden />
                <Typography variant="body2">
                  Choose evidence on the left to read it here.
                </Typography>
              </Stack>
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        <Button onClick={close}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!exact}
          onClick={() => {
            if (!current) return;
            onPick({
              evidenceId: current.id,
              quote,
              title: current.title,
              url: current.url,
              capturedAt: current.capturedAt,
            });
            close();
          }}
        >
          Add citation
        </Button>
      </DialogActions>
    </Dialog>
  );
}
