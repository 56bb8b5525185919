import TextField from '@mui/material/TextField';
import { useNavigate } from 'react-router';
import { FormDialog } from '../../../components/form-dialog';
import { fieldErrors } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { useCreateBattlecard } from '../api';

const FIELDS = ['segment', 'title'] as const;

const EMPTY = { segment: 'General', title: '' };

/** Creates an empty draft card for a segment, then opens it in the editor. */
export function NewBattlecardDialog({
  open,
  onClose,
  competitor,
}: {
  open: boolean;
  onClose: () => void;
  competitor: { id: string; name: string };
}) {
  const navigate = useNavigate();
  const { values, set, errors, setErrors, showError, reset } = useFormValues(() => EMPTY, FIELDS);
  const { segment, title } = values;
  const mutation = useCreateBattlecard();

  function handleSubmit() {
    if (!segment.trim()) {
      setErrors(fieldErrors({ segment: 'Name the segment, or keep “General”.' }));
      return;
    }
    setErrors(undefined);
    mutation.mutate(
      {
        competitorId: competitor.id,
        segment: segment.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
      },
      {
        onSuccess: (card) => {
          void navigate(`/battlecards/${card.id}/edit`);
        },
        onError: showError,
      },
    );
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`New battlecard for ${competitor.name}`}
      intro="It starts as an empty draft. Add claims that cite your evidence, then publish it for sellers."
      onSubmit={handleSubmit}
      pending={mutation.isPending}
      submitLabel="Create and edit"
      pendingLabel="Creating…"
      error={errors}
      maxWidth="xs"
      onExited={() => {
        reset();
        mutation.reset();
      }}
    >
      <TextField
        label="Segment"
        name="segment"
        autoComplete="off"
        autoFocus
        required
        value={segment}
        onChange={(e) => {
          set('segment', e.target.value);
        }}
        error={Boolean(errors?.fields.segment)}
        helperText={errors?.fields.segment ?? 'Who the card is for, e.g. Enterprise or Mid-market.'}
        slotProps={{ htmlInput: { maxLength: 80 } }}
      />
      <TextField
        label="Title"
        name="title"
        autoComplete="off"
        placeholder={`${competitor.name} battlecard — ${segment.trim() || 'General'}`}
        value={title}
        onChange={(e) => {
          set('title', e.target.value);
        }}
        error={Boolean(errors?.fields.title)}
        helperText={errors?.fields.title ?? 'Optional. Left blank, it is named like the example.'}
        slotProps={{ htmlInput: { maxLength: 160 } }}
      />
    </FormDialog>
  );
}
