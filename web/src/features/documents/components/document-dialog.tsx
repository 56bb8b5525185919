import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import { downloadDocument, inProgress, useDeleteDocument, useDocument } from '../api';
import { documentFacts, formatBytes, formatLabel, statusLabel } from '../format';

/** A document: what was read from it (as plain text), download, and delete with a warning. */
export function DocumentDialog({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const query = useDocument(id);
  const remove = useDeleteDocument();
  const fullScreen = useBelowBreakpoint('sm');
  const [confirming, setConfirming] = useState(false);
  const [keepEvidence, setKeepEvidence] = useState(false);
  const [downloadError, setDownloadError] = useState<string>();
  const doc = query.data;

  return (
    <Dialog
      open={id !== undefined}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      fullScreen={fullScreen}
    >
      <DialogTitle sx={{ overflowWrap: 'anywhere' }}>{doc?.title ?? 'Document'}</DialogTitle>
      <DialogContent dividers>
        {query.isPending && <LinearProgress aria-label="Loading the document" />}
        {query.isError && <Alert severity="error">This document could not be loaded.</Alert>}
        {doc && (
          <>
            <Typography
              variant="body2"
              color="text.secondary"
              sx={{ mb: 1.5, overflowWrap: 'anywhere' }}
            >
              {doc.originalName} · {formatLabel[doc.format]} · {formatBytes(doc.sizeBytes)} ·{' '}
              {statusLabel[doc.status]}
              {doc.status === 'ready' ? ` · ${documentFacts(doc)}` : ''}
            </Typography>
            {inProgress(doc.status) && (
              <Box sx={{ mb: 2 }}>
                <LinearProgress aria-label="Reading the document" />
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  Reading the text of this document…
                </Typography>
              </Box>
            )}
            {doc.status === 'failed' && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {doc.error ?? 'This document could not be read.'}
              </Alert>
            )}
            {doc.status === 'ready' && doc.competitorId === null && (
              <Alert severity="info" sx={{ mb: 2 }}>
                Not linked to a competitor yet, so its text is not evidence. Upload it from a
                competitor’s Documents tab to file it there.
              </Alert>
            )}
            {doc.status === 'ready' && doc.evidenceId && doc.competitorId && (
              <Typography variant="body2" sx={{ mb: 1.5 }}>
                Its text is{' '}
                <RouterLink to={`/competitors/${doc.competitorId}/evidence/${doc.evidenceId}`}>
                  evidence
                </RouterLink>
                {doc.citedBy > 0
                  ? `, cited by ${doc.citedBy} claim${doc.citedBy === 1 ? '' : 's'}`
                  : ''}
                .
              </Typography>
            )}
            {doc.preview && (
              <Box
                component="pre"
                data-testid="document-preview"
                sx={{
                  m: 0,
                  p: 2,
                  bgcolor: 'action.hover',
                  borderRadius: 1,
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                  fontFamily: 'inherit',
                  fontSize: '0.875rem',
                  maxHeight: { sm: 420 },
                  overflow: 'auto',
                }}
              >
                {doc.preview}
                {doc.textLength > doc.preview.length ? '\n…' : ''}
              </Box>
            )}
            {doc.truncated && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                The text is long: evidence keeps its first 200,000 characters.
              </Typography>
            )}
            {downloadError && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {downloadError}
              </Alert>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {doc?.canEdit && (
          <Button
            color="error"
            startIcon={<DeleteOutlineRounded />}
            onClick={() => {
              setConfirming(true);
            }}
            sx={{ mr: 'auto' }}
          >
            Delete
          </Button>
        )}
        {doc && (
          <Button
            startIcon={<FileDownloadOutlined />}
            onClick={() => {
              setDownloadError(undefined);
              downloadDocument(doc).catch(() => {
                setDownloadError('The download failed. Try again.');
              });
            }}
          >
            Download
          </Button>
        )}
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
      {doc && (
        <ConfirmDialog
          open={confirming}
          title="Delete this document?"
          confirmLabel="Delete document"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error ? 'The document could not be deleted. Try again.' : undefined}
          onConfirm={() => {
            remove.mutate(
              { id: doc.id, keepEvidence },
              {
                onSuccess: () => {
                  setConfirming(false);
                  onClose();
                },
              },
            );
          }}
          onClose={() => {
            setConfirming(false);
          }}
        >
          The file is deleted
          {doc.evidenceId && !keepEvidence ? ', and so is the evidence made from its text' : ''}.
          {doc.evidenceId && doc.citedBy > 0 && !keepEvidence
            ? ` ${doc.citedBy} claim${doc.citedBy === 1 ? ' cites' : 's cite'} that evidence: ${doc.citedBy === 1 ? 'it loses' : 'they lose'} the citation and ${doc.citedBy === 1 ? 'is' : 'are'} marked stale for an editor to re-check.`
            : ''}
          {doc.evidenceId && (
            <FormControlLabel
              sx={{ display: 'flex', mt: 1 }}
              control={
                <Checkbox
                  checked={keepEvidence}
                  onChange={(event) => {
                    setKeepEvidence(event.target.checked);
                  }}
                />
              }
              label="Keep the evidence (claims stay as they are)"
            />
          )}
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
