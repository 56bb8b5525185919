import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog';
import { toFormErrors } from '../../../lib/form-errors';
import { usePublish, type Battlecard } from '../api';

/** Snapshot the draft as the next immutable version, with a note on what changed. */
export function PublishDialog({
  card,
  onClose,
  onPublished,
}: {
  card: Battlecard;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const publish = usePublish(card.id);
  const [note, setNote] = useState('');
  const next = card.version + 1;
  const error = publish.error ? toFormErrors(publish.error, ['note'] as const) : undefined;
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`Publish version ${next}`}
      intro={`Publishes version ${next} of “${card.title}”. The snapshot never changes afterwards; you can compare it with other versions in the history.`}
      onSubmit={() => {
        publish.mutate(note.trim(), {
          onSuccess: (result) => {
            onPublished(typeof result.version === 'number' ? result.version : next);
          },
        });
      }}
      pending={publish.isPending}
      submitLabel={`Publish version ${next}`}
      pendingLabel="Publishing…"
      error={error}
      maxWidth="xs"
    >
      <TextField
        label="What changed? (optional)"
        placeholder="e.g. New pricing objections after their March price rise"
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
        }}
        multiline
        minRows={2}
        autoFocus
        error={Boolean(error?.fields.note)}
        helperText={error?.fields.note}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
