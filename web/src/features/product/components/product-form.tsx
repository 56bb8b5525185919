import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormAlert } from '../../../components/form-alert';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { toFormErrors, withoutField, type FormErrors } from '../../../lib/form-errors';
import { useSaveProduct, type Product } from '../api';
import { PRODUCT_LIMITS } from '../format';
import { bodyFrom, isDirty, rowErrors, valuesFrom, type ProductFormValues } from '../form-values';
import { ListEditor } from './list-editor';
import { ProofPointsEditor } from './proof-points-editor';

const BASE_FIELDS = ['name', 'pitch', 'capabilities', 'pricing', 'proofPoints'] as const;
type Field =
  | (typeof BASE_FIELDS)[number]
  | `capabilities.${number}`
  | `proofPoints.${number}.text`
  | `proofPoints.${number}.kind`;

const FIELDS: readonly Field[] = [
  ...BASE_FIELDS,
  ...Array.from({ length: PRODUCT_LIMITS.capabilities }, (_, i) => `capabilities.${i}` as const),
  ...Array.from({ length: PRODUCT_LIMITS.proofPoints }, (_, i) => `proofPoints.${i}.text` as const),
  ...Array.from({ length: PRODUCT_LIMITS.proofPoints }, (_, i) => `proofPoints.${i}.kind` as const),
];

function FormSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={id}>
      <CardHeader
        title={title}
        subheader={description}
        slotProps={{
          title: { id, variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2', sx: { mt: 0.25 } },
        }}
        sx={{ pb: 1 }}
      />
      <CardContent sx={{ pt: 1 }}>{children}</CardContent>
    </Card>
  );
}

/** Leaving with unsaved changes asks first, in the app and when closing the tab. */
function useUnsavedChangesGuard(dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
  return blocker;
}

/** The editable product profile; every save replaces the whole profile. */
export function ProductForm({ product }: { product: Product }) {
  const [saved, setSaved] = useState(() => valuesFrom(product));
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [justSaved, setJustSaved] = useState(false);
  const mutation = useSaveProduct();
  const [configured, setConfigured] = useState(product.configured);
  // A profile nobody has saved yet can be saved as it is (the suggested name may be right).
  const changed = isDirty(values, saved);
  const dirty = changed || !configured;
  const blocker = useUnsavedChangesGuard(changed && !mutation.isPending);

  function set<K extends keyof ProductFormValues>(field: K, value: ProductFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutField(current, field));
    setJustSaved(false);
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = bodyFrom(values);
    if (body.name.length < 2) {
      setErrors({
        fields: { name: 'Enter your product’s name (at least 2 characters).' },
        message: undefined,
        requestId: undefined,
      });
      return;
    }
    setErrors(undefined);
    mutation.mutate(body, {
      onSuccess: (result) => {
        const next = valuesFrom(result);
        setSaved(next);
        setValues(next);
        setConfigured(result.configured);
        setJustSaved(true);
      },
      onError: (error) => {
        setErrors(toFormErrors(error, FIELDS));
      },
    });
  }

  const capabilityErrors = rowErrors(
    values.capabilities,
    (i) => errors?.fields[`capabilities.${i}`],
  );
  const proofErrors = rowErrors(
    values.proofPoints,
    (i) => errors?.fields[`proofPoints.${i}.text`] ?? errors?.fields[`proofPoints.${i}.kind`],
  );
  const savedAt = mutation.data?.updatedAt ?? product.updatedAt;
  const savedBy = mutation.data?.updatedBy ?? product.updatedBy;

  return (
    <Stack component="form" noValidate onSubmit={handleSubmit} spacing={3}>
      <FormSection
        id="basics-title"
        title="Name and pitch"
        description="How sellers introduce us, in one breath."
      >
        <Stack spacing={2.5}>
          <TextField
            label="Product name"
            name="name"
            required
            autoComplete="off"
            value={values.name}
            onChange={(e) => {
              set('name', e.target.value);
            }}
            error={Boolean(errors?.fields.name)}
            helperText={errors?.fields.name}
            slotProps={{ htmlInput: { maxLength: PRODUCT_LIMITS.name } }}
          />
          <TextField
            label="One-line pitch"
            name="pitch"
            autoComplete="off"
            placeholder="e.g. Battlecards your sellers trust, on a server you run."
            value={values.pitch}
            onChange={(e) => {
              set('pitch', e.target.value);
            }}
            error={Boolean(errors?.fields.pitch)}
            helperText={
              errors?.fields.pitch ?? `${values.pitch.length} / ${PRODUCT_LIMITS.pitch} characters`
            }
            slotProps={{ htmlInput: { maxLength: PRODUCT_LIMITS.pitch } }}
          />
        </Stack>
      </FormSection>

      <FormSection
        id="capabilities-title"
        title="Capabilities"
        description="What we do well, one per line. Battlecards set these against each competitor. Paste a list to add many at once."
      >
        <ListEditor
          items={values.capabilities}
          onChange={(items) => {
            set('capabilities', items);
          }}
          itemLabel="Capability"
          addLabel="Add capability"
          placeholder="e.g. SSO with SAML and SCIM"
          maxLength={PRODUCT_LIMITS.capability}
          max={PRODUCT_LIMITS.capabilities}
          errors={capabilityErrors}
        />
        {errors?.fields.capabilities && (
          <Typography color="error" variant="body2" sx={{ mt: 1 }}>
            {errors.fields.capabilities}
          </Typography>
        )}
      </FormSection>

      <FormSection
        id="pricing-title"
        title="Pricing"
        description="Plans, list prices and what is included, so cards can compare like with like."
      >
        <TextField
          label="Plans and prices"
          name="pricing"
          multiline
          minRows={4}
          maxRows={14}
          value={values.pricing}
          onChange={(e) => {
            set('pricing', e.target.value);
          }}
          error={Boolean(errors?.fields.pricing)}
          helperText={
            errors?.fields.pricing ??
            `${values.pricing.length.toLocaleString()} / ${PRODUCT_LIMITS.pricing.toLocaleString()} characters`
          }
          slotProps={{ htmlInput: { maxLength: PRODUCT_LIMITS.pricing } }}
        />
      </FormSection>

      <FormSection
        id="proof-title"
        title="Proof points"
        description="Customers, numbers, awards and quotes sellers can cite."
      >
        <ProofPointsEditor
          items={values.proofPoints}
          onChange={(items) => {
            set('proofPoints', items);
          }}
          errors={proofErrors}
        />
        {errors?.fields.proofPoints && (
          <Typography color="error" variant="body2" sx={{ mt: 1 }}>
            {errors.fields.proofPoints}
          </Typography>
        )}
      </FormSection>

      <Box
        sx={{
          position: 'sticky',
          bottom: 0,
          zIndex: 1,
          mx: { xs: -2, sm: 0 },
          px: 2,
          py: 1.5,
          bgcolor: 'background.paper',
          border: 1,
          borderColor: 'divider',
          borderRadius: { sm: 1 },
          boxShadow: dirty ? '0 -4px 16px rgba(27, 31, 46, 0.08)' : 'none',
        }}
      >
        <Stack spacing={1.5}>
          <FormAlert message={errors?.message} requestId={errors?.requestId} />
          {justSaved && !dirty && (
            <Alert severity="success" role="status" data-testid="product-saved">
              Saved. New battlecards compare against this profile.
            </Alert>
          )}
          <Stack
            direction="row"
            sx={{
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 1.5,
              flexWrap: 'wrap',
            }}
          >
            <Typography
              variant="body2"
              color="text.secondary"
              title={savedAt ? formatDateTime(savedAt) : undefined}
            >
              {!configured
                ? 'Not saved yet: battlecards cannot compare against it until you save.'
                : dirty
                  ? 'You have unsaved changes.'
                  : savedAt
                    ? `Last saved ${formatRelative(savedAt)}${savedBy ? ` by ${savedBy.name}` : ''}`
                    : ''}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Button
                disabled={!changed || mutation.isPending}
                onClick={() => {
                  setValues(saved);
                  setErrors(undefined);
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" variant="contained" disabled={!dirty || mutation.isPending}>
                {mutation.isPending ? 'Saving…' : 'Save'}
              </Button>
            </Stack>
          </Stack>
        </Stack>
      </Box>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Leave without saving?"
        confirmLabel="Leave"
        pendingLabel="Leaving…"
        pending={false}
        error={undefined}
        onConfirm={() => {
          blocker.proceed?.();
        }}
        onClose={() => {
          blocker.reset?.();
        }}
      >
        Your changes to the product profile are not saved yet. They are lost if you leave now.
      </ConfirmDialog>
    </Stack>
  );
}
