import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { ChipInput } from '../../../components/chip-input';
import { FormDialog } from '../../../components/form-dialog';
import { fieldErrors } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { useCompetitors } from '../../competitors/api';
import { todayAsDay } from '../../competitors/format';
import { useCreateDeal, type CreateDealBody, type DealOutcome } from '../api';
import { DEAL_OUTCOMES, outcomeLabel, parseAmount } from '../format';
import { OBJECTIONS_MAX, ObjectionsEditor, type ObjectionDraft } from './objections-editor';

const BASE_FIELDS = [
  'competitorId',
  'name',
  'outcome',
  'amount',
  'currency',
  'closedAt',
  'reasons',
  'notes',
] as const;
type Field = (typeof BASE_FIELDS)[number] | `objections.${number}.text`;

const objectionFields = Array.from(
  { length: OBJECTIONS_MAX },
  (_, i) => `objections.${i}.text` as const,
);
const FIELDS: readonly Field[] = [...BASE_FIELDS, ...objectionFields];

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'INR', 'SEK', 'BRL'];
const REASONS_MAX = 20;

interface Values {
  competitorId: string;
  name: string;
  outcome: DealOutcome | null;
  amount: string;
  currency: string;
  closedAt: string;
  reasons: string[];
  objections: ObjectionDraft[];
  notes: string;
}

function emptyValues(competitorId: string | undefined): Values {
  return {
    competitorId: competitorId ?? '',
    name: '',
    outcome: null,
    amount: '',
    currency: 'USD',
    closedAt: todayAsDay(),
    reasons: [],
    objections: [],
    notes: '',
  };
}

/** Pick a competitor among the first 100 by name; workspaces track far fewer than that. */
function CompetitorField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const competitors = useCompetitors({ sort: 'name' }, 100);
  const options = competitors.data?.items ?? [];
  const selected = options.find((c) => c.id === value) ?? null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      loading={competitors.isPending}
      getOptionLabel={(c) => c.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_event, next) => {
        onChange(next?.id ?? '');
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Competitor"
          required
          autoFocus
          error={Boolean(error)}
          helperText={error ?? 'Who we were up against.'}
        />
      )}
    />
  );
}

/** Records a won, lost or undecided deal against a competitor, with reasons and objections. */
export function RecordDealDialog({
  open,
  onClose,
  competitor,
}: {
  open: boolean;
  onClose: () => void;
  /** Fixed when recording from a competitor's page; otherwise picked in the form. */
  competitor?: { id: string; name: string };
}) {
  const outcomeLabelId = useId();
  const { values, set, errors, setErrors, showError, reset } = useFormValues<Values, Field>(
    () => emptyValues(competitor?.id),
    FIELDS,
    { competitor_not_found: 'competitorId' },
  );
  const mutation = useCreateDeal();

  function handleSubmit() {
    const amount = parseAmount(values.amount);
    if (!values.competitorId) {
      setErrors(fieldErrors({ competitorId: 'Choose the competitor of this deal.' }));
      return;
    }
    if (!values.outcome) {
      setErrors(fieldErrors({ outcome: 'Choose how the deal ended.' }));
      return;
    }
    if (amount !== undefined && Number.isNaN(amount)) {
      setErrors(fieldErrors({ amount: 'Enter the amount as a number, e.g. 48000 or 48000.50.' }));
      return;
    }
    if (!values.closedAt) {
      setErrors(fieldErrors({ closedAt: 'Enter the day the deal closed.' }));
      return;
    }
    setErrors(undefined);
    const objections = values.objections
      .filter((row) => row.text.trim())
      .map((row) => ({
        text: row.text.trim(),
        ...(row.responseUsed.trim() ? { responseUsed: row.responseUsed.trim() } : {}),
        ...(row.effective === 'unknown' ? {} : { effective: row.effective === 'yes' }),
      }));
    const body: CreateDealBody = {
      competitorId: values.competitorId,
      outcome: values.outcome,
      currency: values.currency,
      // A calendar day: the API keeps it as that day, whatever the time zone.
      closedAt: values.closedAt,
      reasons: values.reasons,
      objections,
      ...(values.name.trim() ? { name: values.name.trim() } : {}),
      ...(amount === undefined ? {} : { amount }),
      ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
    };
    mutation.mutate(body, {
      onSuccess: onClose,
      onError: showError,
    });
  }

  // Server problems point at the rows that were sent, which skip blank ones.
  const sentIndex = new Map<number, number>();
  values.objections.forEach((row, index) => {
    if (row.text.trim()) sentIndex.set(index, sentIndex.size);
  });
  const objectionErrors = values.objections.map((_, index) => {
    const sent = sentIndex.get(index);
    return sent === undefined ? undefined : errors?.fields[`objections.${sent}.text`];
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={competitor ? `Record a deal against ${competitor.name}` : 'Record a deal'}
      onSubmit={handleSubmit}
      pending={mutation.isPending}
      submitLabel="Record deal"
      pendingLabel="Saving…"
      error={errors}
      fullScreenOnPhone
      dividers
      onExited={() => {
        reset();
        mutation.reset();
      }}
    >
      {!competitor && (
        <CompetitorField
          value={values.competitorId}
          onChange={(id) => {
            set('competitorId', id);
          }}
          error={errors?.fields.competitorId}
        />
      )}
      <Box>
        <Typography id={outcomeLabelId} variant="subtitle2" sx={{ mb: 0.75 }}>
          Outcome *
        </Typography>
        <ToggleButtonGroup
          exclusive
          value={values.outcome}
          onChange={(_event, outcome: DealOutcome | null) => {
            if (outcome) set('outcome', outcome);
          }}
          aria-labelledby={outcomeLabelId}
          color="primary"
          fullWidth
        >
          {DEAL_OUTCOMES.map((outcome) => (
            <ToggleButton key={outcome} value={outcome} sx={{ fontWeight: 600 }}>
              {outcomeLabel[outcome]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {errors?.fields.outcome && <FormHelperText error>{errors.fields.outcome}</FormHelperText>}
      </Box>
      <TextField
        label="Deal name"
        name="name"
        autoComplete="off"
        placeholder="e.g. Globex renewal"
        value={values.name}
        onChange={(e) => {
          set('name', e.target.value);
        }}
        error={Boolean(errors?.fields.name)}
        helperText={errors?.fields.name ?? 'Optional.'}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <Stack direction="row" spacing={1.5}>
        <TextField
          label="Amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={values.amount}
          onChange={(e) => {
            set('amount', e.target.value);
          }}
          error={Boolean(errors?.fields.amount)}
          helperText={errors?.fields.amount ?? 'Optional.'}
        />
        <TextField
          select
          label="Currency"
          name="currency"
          value={values.currency}
          onChange={(e) => {
            set('currency', e.target.value);
          }}
          error={Boolean(errors?.fields.currency)}
          helperText={errors?.fields.currency}
          sx={{ width: 120, flexShrink: 0 }}
        >
          {CURRENCIES.map((code) => (
            <MenuItem key={code} value={code}>
              {code}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <TextField
        label="Closed on"
        name="closedAt"
        type="date"
        required
        value={values.closedAt}
        onChange={(e) => {
          set('closedAt', e.target.value);
        }}
        error={Boolean(errors?.fields.closedAt)}
        helperText={errors?.fields.closedAt}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <ChipInput
        label="Reasons"
        name="reasons"
        value={values.reasons}
        onChange={(reasons) => {
          set('reasons', reasons);
        }}
        placeholder={values.reasons.length === 0 ? 'e.g. price, missing SSO' : undefined}
        max={REASONS_MAX}
        maxLength={200}
        error={Boolean(errors?.fields.reasons)}
        helperText={
          errors?.fields.reasons ?? 'Why it went this way. Press Enter or type a comma after each.'
        }
      />
      <ObjectionsEditor
        value={values.objections}
        onChange={(objections) => {
          set('objections', objections);
        }}
        errors={objectionErrors}
      />
      <TextField
        label="Notes"
        name="notes"
        multiline
        minRows={2}
        maxRows={8}
        value={values.notes}
        onChange={(e) => {
          set('notes', e.target.value);
        }}
        error={Boolean(errors?.fields.notes)}
        helperText={errors?.fields.notes ?? 'Optional. Anything else worth remembering.'}
        slotProps={{ htmlInput: { maxLength: 5000 } }}
      />
    </FormDialog>
  );
}
