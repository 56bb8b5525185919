import CheckRounded from '@mui/icons-material/CheckRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import FormatQuoteRounded from '@mui/icons-material/FormatQuoteRounded';
import OpenInNewRounded from '@mui/icons-material/OpenInNewRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { QueryError } from '../../../components/query-error';
import { visuallyHidden } from '../../../components/visually-hidden';
import { ApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { toFormErrors } from '../../../lib/form-errors';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import { useMomentaryFlag } from '../../../lib/use-momentary-flag';
import { useDeleteEvidence, useEvidence, type Evidence } from '../api';
import { useCompetitorContext } from '../competitor-context';
import { countOf, evidenceKindLabel, formatDay, hostOf } from '../format';
import { EvidenceKindIcon } from './evidence-kind-icon';

function CopyButton({ text }: { text: string }) {
  const [copied, showCopied] = useMomentaryFlag();
  return (
    <Button
      startIcon={copied ? <CheckRounded /> : <ContentCopyRounded />}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(showCopied, () => undefined);
      }}
    >
      {copied ? 'Copied' : 'Copy text'}
    </Button>
  );
}

function Facts({ evidence }: { evidence: Evidence }) {
  const facts = [
    `Captured ${formatDateTime(evidence.capturedAt)}`,
    evidence.publishedAt ? `published ${formatDay(evidence.publishedAt)}` : '',
    evidence.createdBy ? `added by ${evidence.createdBy.name}` : '',
    countOf(evidence.wordCount, 'word'),
  ].filter(Boolean);
  return (
    <Typography variant="body2" color="text.secondary">
      {facts.join(' · ')}
    </Typography>
  );
}

function EvidenceBody({ evidence }: { evidence: Evidence }) {
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Chip size="small" label={evidenceKindLabel[evidence.kind]} />
        <Chip
          size="small"
          variant="outlined"
          icon={<FormatQuoteRounded />}
          color={evidence.citedBy > 0 ? 'primary' : 'default'}
          label={
            evidence.citedBy > 0
              ? `Cited by ${countOf(evidence.citedBy, 'claim')}`
              : 'Not cited yet'
          }
        />
      </Stack>
      <Facts evidence={evidence} />
      {evidence.url && (
        <Link
          href={evidence.url}
          target="_blank"
          rel="noopener noreferrer"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, wordBreak: 'break-all' }}
        >
          Source: {hostOf(evidence.url)}
          <OpenInNewRounded sx={{ fontSize: 16 }} />
          <Box component="span" sx={visuallyHidden}>
            (opens in a new tab)
          </Box>
        </Link>
      )}
      {/* Text, never HTML: React escapes it, and pre-wrap keeps its line breaks and spacing. */}
      <Box
        data-testid="evidence-content"
        sx={{
          p: 2,
          borderRadius: 1,
          border: 1,
          borderColor: 'divider',
          bgcolor: '#fafbfd',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          fontSize: '0.9375rem',
          lineHeight: 1.65,
        }}
      >
        {evidence.content}
      </Box>
    </Stack>
  );
}

/**
 * One piece of evidence in full, at /competitors/:id/evidence/:evidenceId over the evidence list.
 * Deleting it is confirmed first: the claims that cite it go stale.
 */
export function EvidenceDialog() {
  const { evidenceId = '' } = useParams();
  const { competitor } = useCompetitorContext();
  const navigate = useNavigate();
  const fullScreen = useBelowBreakpoint('sm');
  const titleId = useId();
  const query = useEvidence(evidenceId);
  const remove = useDeleteEvidence();
  const [confirming, setConfirming] = useState(false);
  const evidence = query.data;

  const close = () => {
    void navigate(`/competitors/${competitor.id}/evidence`);
  };
  const notFound = query.error instanceof ApiError && query.error.status === 404;

  return (
    <Dialog
      open
      onClose={close}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="md"
      fullScreen={fullScreen}
      scroll="paper"
    >
      <DialogTitle id={titleId} sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', pr: 7 }}>
        {evidence && <EvidenceKindIcon kind={evidence.kind} />}
        <Box component="span" sx={{ wordBreak: 'break-word', pt: 0.5 }}>
          {evidence?.title ?? (notFound ? 'Evidence not found' : 'Evidence')}
        </Box>
      </DialogTitle>
      <IconButton
        aria-label="Close"
        onClick={close}
        sx={{ position: 'absolute', right: 12, top: 12 }}
      >
        <CloseRounded />
      </IconButton>
      <DialogContent dividers>
        {query.isPending && (
          <Stack spacing={1.5} aria-busy="true" aria-label="Loading">
            <Skeleton variant="text" width="50%" />
            <Skeleton variant="rounded" height={240} />
          </Stack>
        )}
        {notFound && (
          <Alert severity="info">
            This evidence is not here any more. Someone may have deleted it.
          </Alert>
        )}
        {query.isError && !notFound && <QueryError what="this evidence" query={query} />}
        {evidence && <EvidenceBody evidence={evidence} />}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5, flexWrap: 'wrap' }}>
        {evidence?.canDelete && (
          <Button
            color="error"
            startIcon={<DeleteOutlineRounded />}
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
            sx={{ mr: 'auto' }}
          >
            Delete
          </Button>
        )}
        {evidence && <CopyButton text={evidence.content} />}
        <Button variant="contained" onClick={close}>
          Close
        </Button>
      </DialogActions>
      {evidence && (
        <ConfirmDialog
          open={confirming}
          title={`Delete “${evidence.title}”?`}
          confirmLabel="Delete evidence"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error ? toFormErrors(remove.error, []).message : undefined}
          onConfirm={() => {
            remove.mutate(evidence.id, {
              onSuccess: () => {
                setConfirming(false);
                close();
              },
            });
          }}
          onClose={() => {
            setConfirming(false);
          }}
        >
          {evidence.citedBy > 0 ? (
            <>
              <strong>{countOf(evidence.citedBy, 'battlecard claim')}</strong>{' '}
              {evidence.citedBy === 1 ? 'cites' : 'cite'} it. Those claims are marked stale, and
              sellers see the stale marker until someone cites other evidence.
            </>
          ) : (
            'No battlecard claim cites it.'
          )}{' '}
          This cannot be undone.
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
