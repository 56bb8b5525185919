import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { ChipInput } from '../../../components/chip-input';
import { FormDialog } from '../../../components/form-dialog';
import { fieldErrors, type FormErrors } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import {
  useCreateCompetitor,
  useUpdateCompetitor,
  type Competitor,
  type CompetitorTier,
} from '../api';
import { TIERS, normalizeWebUrl, tierDescription, tierLabel } from '../format';

const FIELDS = ['name', 'website', 'tier', 'tags', 'summary', 'logoUrl'] as const;
type Field = (typeof FIELDS)[number];

const NAME_MAX = 120;
const SUMMARY_MAX = 2000;
const TAGS_MAX = 20;

interface Values {
  name: string;
  website: string;
  tier: CompetitorTier;
  tags: string[];
  summary: string;
  logoUrl: string;
}

function initialValues(competitor: Competitor | undefined): Values {
  return {
    name: competitor?.name ?? '',
    website: competitor?.website ?? '',
    tier: competitor?.tier ?? 'secondary',
    tags: competitor?.tags ?? [],
    summary: competitor?.summary ?? '',
    logoUrl: competitor?.logoUrl ?? '',
  };
}

/** What can be told without the server; the server checks everything again. */
function checkValues(values: Values): FormErrors<Field> | undefined {
  const name = values.name.trim();
  let problem: string | undefined;
  if (name.length < 2) problem = 'Enter the competitor’s name (at least 2 characters).';
  else if (/[<>]/.test(name)) problem = 'Names cannot contain < or >.';
  return problem ? fieldErrors({ name: problem }) : undefined;
}

/**
 * Adds a competitor, or edits one when `competitor` is given. A name already used in the
 * workspace comes back as 409 `competitor_exists` and is shown under the name.
 */
export function CompetitorFormDialog({
  open,
  onClose,
  competitor,
  tagSuggestions,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  competitor?: Competitor;
  tagSuggestions?: readonly string[];
  onSaved?: (competitor: Competitor) => void;
}) {
  const { values, set, errors, setErrors, showError, reset } = useFormValues(
    () => initialValues(competitor),
    FIELDS,
    { competitor_exists: 'name' },
  );
  const create = useCreateCompetitor();
  const update = useUpdateCompetitor(competitor?.id ?? '');
  const mutation = competitor ? update : create;

  function resetAll() {
    reset();
    create.reset();
    update.reset();
  }

  function handleSubmit() {
    const problems = checkValues(values);
    if (problems) {
      setErrors(problems);
      return;
    }
    setErrors(undefined);
    const body = {
      name: values.name.trim(),
      website: normalizeWebUrl(values.website),
      tier: values.tier,
      tags: values.tags,
      summary: values.summary.trim(),
      logoUrl: normalizeWebUrl(values.logoUrl),
    };
    const callbacks = {
      onSuccess: (saved: Competitor) => {
        onClose();
        onSaved?.(saved);
      },
      onError: showError,
    };
    if (competitor) update.mutate(body, callbacks);
    else create.mutate(body, callbacks);
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={competitor ? `Edit ${competitor.name}` : 'Add a competitor'}
      onSubmit={handleSubmit}
      pending={mutation.isPending}
      submitLabel={competitor ? 'Save changes' : 'Add competitor'}
      pendingLabel="Saving…"
      error={errors}
      fullScreenOnPhone
      dividers
      onEnter={resetAll}
      onExited={resetAll}
    >
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        autoFocus
        required
        value={values.name}
        onChange={(e) => {
          set('name', e.target.value);
        }}
        error={Boolean(errors?.fields.name)}
        helperText={errors?.fields.name ?? 'As sellers hear it in deals, e.g. “Acme Cloud”.'}
        slotProps={{ htmlInput: { maxLength: NAME_MAX } }}
      />
      <TextField
        label="Website"
        name="website"
        type="url"
        autoComplete="off"
        placeholder="acme.com"
        value={values.website}
        onChange={(e) => {
          set('website', e.target.value);
        }}
        error={Boolean(errors?.fields.website)}
        helperText={errors?.fields.website ?? 'Optional.'}
      />
      <TextField
        select
        label="Tier"
        name="tier"
        value={values.tier}
        onChange={(e) => {
          set('tier', e.target.value as CompetitorTier);
        }}
        error={Boolean(errors?.fields.tier)}
        helperText={errors?.fields.tier ?? tierDescription[values.tier]}
        slotProps={{
          select: { renderValue: (v) => tierLabel[v as CompetitorTier] },
        }}
      >
        {TIERS.map((tier) => (
          <MenuItem key={tier} value={tier}>
            <ListItemText
              primary={tierLabel[tier]}
              secondary={tierDescription[tier]}
              slotProps={{ primary: { sx: { fontWeight: 600 } } }}
            />
          </MenuItem>
        ))}
      </TextField>
      <ChipInput
        label="Tags"
        name="tags"
        value={values.tags}
        onChange={(tags) => {
          set('tags', tags);
        }}
        suggestions={tagSuggestions}
        placeholder={values.tags.length === 0 ? 'e.g. enterprise, analytics' : undefined}
        max={TAGS_MAX}
        maxLength={40}
        error={Boolean(errors?.fields.tags)}
        helperText={
          errors?.fields.tags ?? `Press Enter or type a comma after each. Up to ${TAGS_MAX}.`
        }
      />
      <TextField
        label="Summary"
        name="summary"
        multiline
        minRows={3}
        maxRows={10}
        value={values.summary}
        onChange={(e) => {
          set('summary', e.target.value);
        }}
        error={Boolean(errors?.fields.summary)}
        helperText={
          errors?.fields.summary ??
          `Who they are and who they sell to, in a few sentences. ${values.summary.length.toLocaleString()} / ${SUMMARY_MAX.toLocaleString()}`
        }
        slotProps={{ htmlInput: { maxLength: SUMMARY_MAX } }}
      />
      <TextField
        label="Logo URL"
        name="logoUrl"
        type="url"
        autoComplete="off"
        placeholder="https://acme.com/logo.png"
        value={values.logoUrl}
        onChange={(e) => {
          set('logoUrl', e.target.value);
        }}
        error={Boolean(errors?.fields.logoUrl)}
        helperText={
          errors?.fields.logoUrl ?? 'Optional. Without one, the first letter of the name shows.'
        }
      />
    </FormDialog>
  );
}
