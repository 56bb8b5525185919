import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormDialog } from '../../../components/form-dialog';
import { useFormValues } from '../../../lib/use-form-values';
import { useUpdateBattlecard, type Battlecard, type UpdateBattlecardInput } from '../api';

type Field = 'title' | 'segment' | 'visibility' | 'status';
const FIELDS: readonly Field[] = ['title', 'segment', 'visibility', 'status'];

/** Title, segment, who can see the card, and archiving. */
export function CardSettingsDialog({
  card,
  onClose,
  onSaved,
}: {
  card: Battlecard;
  onClose: () => void;
  onSaved: () => void;
}) {
  const update = useUpdateBattlecard(card.id);
  const { values, set, errors, showError } = useFormValues<
    Pick<Battlecard, 'title' | 'segment' | 'visibility'> & { archived: boolean },
    Field
  >(
    () => ({
      title: card.title,
      segment: card.segment,
      visibility: card.visibility,
      archived: card.status === 'archived',
    }),
    FIELDS,
  );
  const { title, segment, visibility, archived } = values;
  // Changing who can see a card is for its owner and admins (the server says so too).
  const mayManage = card.permissions.canDelete;

  const submit = () => {
    const body: UpdateBattlecardInput = {};
    if (title.trim() !== card.title) body.title = title;
    if (segment.trim() !== card.segment) body.segment = segment;
    if (visibility !== card.visibility) body.visibility = visibility;
    if (archived !== (card.status === 'archived')) body.status = archived ? 'archived' : 'draft';
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(body, {
      onSuccess: onSaved,
      onError: showError,
    });
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      title="Card settings"
      onSubmit={submit}
      pending={update.isPending}
      submitLabel="Save"
      pendingLabel="Saving…"
      error={errors}
    >
      <TextField
        label="Title"
        value={title}
        required
        onChange={(e) => {
          set('title', e.target.value);
        }}
        error={Boolean(errors?.fields.title)}
        helperText={errors?.fields.title}
        slotProps={{ htmlInput: { maxLength: 160 } }}
      />
      <TextField
        label="Segment"
        value={segment}
        required
        onChange={(e) => {
          set('segment', e.target.value);
        }}
        error={Boolean(errors?.fields.segment)}
        helperText={errors?.fields.segment ?? 'Who the card is for, e.g. Enterprise or EMEA SMB.'}
        slotProps={{ htmlInput: { maxLength: 80 } }}
      />
      <TextField
        select
        label="Visibility"
        value={visibility}
        disabled={!mayManage}
        onChange={(e) => {
          set('visibility', e.target.value as Battlecard['visibility']);
        }}
        error={Boolean(errors?.fields.visibility)}
        helperText={
          errors?.fields.visibility ??
          (mayManage ? undefined : 'Only the card’s owner or a workspace admin can change this.')
        }
      >
        <MenuItem value="workspace">Everyone in the workspace</MenuItem>
        <MenuItem value="private">Only me and admins</MenuItem>
      </TextField>
      <div>
        <FormControlLabel
          control={
            <Switch
              checked={archived}
              onChange={(e) => {
                set('archived', e.target.checked);
              }}
            />
          }
          label="Archived"
        />
        <Typography variant="body2" color="text.secondary">
          An archived card stays readable but is marked as no longer in use.
        </Typography>
      </div>
    </FormDialog>
  );
}
