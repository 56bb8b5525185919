import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog';
import { toFormErrors } from '../../../lib/form-errors';
import { useMarkStale, type Claim } from '../api';

/** Flag a claim sellers should double-check, with why. */
export function StaleDialog({
  cardId,
  claim,
  onClose,
  onDone,
}: {
  cardId: string;
  claim: Claim;
  onClose: () => void;
  onDone: () => void;
}) {
  const markStale = useMarkStale(cardId);
  const [reason, setReason] = useState('');
  const error = markStale.error ? toFormErrors(markStale.error, ['reason'] as const) : undefined;
  return (
    <FormDialog
      open
      onClose={onClose}
      title="Mark claim as stale"
      intro="Sellers will see a warning on this claim until someone verifies it again."
      onSubmit={() => {
        markStale.mutate(
          { claimId: claim.id, reason: reason.trim() || undefined },
          { onSuccess: onDone },
        );
      }}
      pending={markStale.isPending}
      submitLabel="Mark stale"
      pendingLabel="Marking…"
      submitColor="warning"
      error={error}
      maxWidth="xs"
    >
      <TextField
        label="Why? (optional)"
        placeholder="e.g. Their pricing page changed in May"
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
        multiline
        minRows={2}
        autoFocus
        error={Boolean(error?.fields.reason)}
        helperText={error?.fields.reason ?? 'Shown to sellers as the reason.'}
        slotProps={{ htmlInput: { maxLength: 300 } }}
      />
    </FormDialog>
  );
}
