import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { FormDialog } from '../../../components/form-dialog';
import { fieldErrors } from '../../../lib/form-errors';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import { useFormValues } from '../../../lib/use-form-values';
import { useCreateEvidence, type CreateEvidenceBody } from '../api';
import {
  EVIDENCE_CONTENT_MAX,
  MANUAL_EVIDENCE_KINDS,
  dayToIso,
  evidenceKindLabel,
  manualKindDescription,
  normalizeWebUrl,
  type ManualEvidenceKind,
} from '../format';
import { EvidenceKindIcon } from './evidence-kind-icon';

const FIELDS = ['kind', 'title', 'content', 'url', 'publishedAt'] as const;
type Field = (typeof FIELDS)[number];

const TITLE_MAX = 300;

interface Values {
  kind: ManualEvidenceKind;
  title: string;
  content: string;
  url: string;
  publishedAt: string;
}

const EMPTY: Values = { kind: 'note', title: '', content: '', url: '', publishedAt: '' };

function checkValues(values: Values): Partial<Record<Field, string>> {
  const fields: Partial<Record<Field, string>> = {};
  if (!values.title.trim()) fields.title = 'Give it a title people will recognise in a list.';
  else if (/[<>]/.test(values.title)) fields.title = 'Titles cannot contain < or >.';
  if (!values.content.trim()) fields.content = 'Paste or write the evidence itself.';
  else if (values.content.length > EVIDENCE_CONTENT_MAX) {
    fields.content = `That is ${values.content.length.toLocaleString()} characters; the limit is ${EVIDENCE_CONTENT_MAX.toLocaleString()}. Split it into parts.`;
  }
  return fields;
}

/**
 * Files a note, web page text, win/loss story or call snippet under a competitor. The text is
 * kept exactly as given: battlecard claims quote it word for word.
 */
export function AddEvidenceDialog({
  open,
  onClose,
  competitor,
}: {
  open: boolean;
  onClose: () => void;
  competitor: { id: string; name: string };
}) {
  const isPhone = useBelowBreakpoint('sm');
  const { values, set, errors, setErrors, showError, reset } = useFormValues<Values>(
    () => EMPTY,
    FIELDS,
  );
  const mutation = useCreateEvidence(competitor.id);
  const length = values.content.length;

  function handleSubmit() {
    const problems = checkValues(values);
    if (Object.keys(problems).length > 0) {
      setErrors(fieldErrors(problems));
      return;
    }
    setErrors(undefined);
    const body: CreateEvidenceBody = {
      kind: values.kind,
      title: values.title.trim(),
      // Exactly as given, spaces and line breaks included: claims quote it verbatim.
      content: values.content,
      url: normalizeWebUrl(values.url),
      publishedAt: dayToIso(values.publishedAt),
    };
    mutation.mutate(body, {
      onSuccess: onClose,
      onError: showError,
    });
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Add a note about ${competitor.name}`}
      onSubmit={handleSubmit}
      pending={mutation.isPending}
      submitLabel={`Add ${evidenceKindLabel[values.kind].toLowerCase()}`}
      pendingLabel="Adding…"
      error={errors}
      maxWidth="md"
      fullScreenOnPhone
      dividers
      onExited={() => {
        reset();
        mutation.reset();
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          label="Kind"
          name="kind"
          value={values.kind}
          onChange={(e) => {
            set('kind', e.target.value as ManualEvidenceKind);
          }}
          error={Boolean(errors?.fields.kind)}
          helperText={errors?.fields.kind ?? manualKindDescription[values.kind]}
          slotProps={{
            select: { renderValue: (v) => evidenceKindLabel[v as ManualEvidenceKind] },
          }}
          sx={{ flex: { sm: '0 0 240px' } }}
        >
          {MANUAL_EVIDENCE_KINDS.map((kind) => (
            <MenuItem key={kind} value={kind} sx={{ gap: 1.5 }}>
              <ListItemIcon sx={{ minWidth: 0 }}>
                <EvidenceKindIcon kind={kind} />
              </ListItemIcon>
              <ListItemText
                primary={evidenceKindLabel[kind]}
                secondary={manualKindDescription[kind]}
                slotProps={{
                  primary: { sx: { fontWeight: 600 } },
                  secondary: { sx: { whiteSpace: 'normal', maxWidth: 360 } },
                }}
              />
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Title"
          name="title"
          autoComplete="off"
          autoFocus
          required
          placeholder="e.g. Pricing page, March: Team plan now $49"
          value={values.title}
          onChange={(e) => {
            set('title', e.target.value);
          }}
          error={Boolean(errors?.fields.title)}
          helperText={errors?.fields.title ?? ' '}
          slotProps={{ htmlInput: { maxLength: TITLE_MAX } }}
        />
      </Stack>
      <TextField
        label="Content"
        name="content"
        required
        multiline
        minRows={8}
        maxRows={isPhone ? 12 : 18}
        value={values.content}
        onChange={(e) => {
          set('content', e.target.value);
        }}
        error={Boolean(errors?.fields.content) || length > EVIDENCE_CONTENT_MAX}
        helperText={
          errors?.fields.content ??
          `${length.toLocaleString()} / ${EVIDENCE_CONTENT_MAX.toLocaleString()} characters · kept exactly as written, shown as plain text`
        }
        slotProps={{ htmlInput: { spellCheck: true } }}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Source URL"
          name="url"
          type="url"
          autoComplete="off"
          placeholder="https://acme.com/pricing"
          value={values.url}
          onChange={(e) => {
            set('url', e.target.value);
          }}
          error={Boolean(errors?.fields.url)}
          helperText={errors?.fields.url ?? 'Optional. Where it came from.'}
        />
        <TextField
          label="Published on"
          name="publishedAt"
          type="date"
          value={values.publishedAt}
          onChange={(e) => {
            set('publishedAt', e.target.value);
          }}
          error={Boolean(errors?.fields.publishedAt)}
          helperText={errors?.fields.publishedAt ?? 'Optional. When the source said it.'}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ flex: { sm: '0 0 220px' } }}
        />
      </Stack>
    </FormDialog>
  );
}
