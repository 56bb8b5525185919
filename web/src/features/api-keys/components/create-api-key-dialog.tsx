import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CopyField } from '../../../components/copy-field';
import { FormDialog, type DialogCloseReason } from '../../../components/form-dialog';
import { formatDate } from '../../../lib/format';
import { fieldErrors } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { RoleField } from '../../auth/components/role-select';
import { grantableRoles, type Role } from '../../auth/roles';
import { useCreateApiKey, type CreatedApiKey } from '../api';

const FIELDS = ['name', 'role', 'expiresInDays'] as const;

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
] as const;
type Expiry = (typeof EXPIRY_OPTIONS)[number]['value'];

interface Values {
  name: string;
  role: Role;
  expiresInDays: Expiry;
}

/** Creates a key, then shows its secret exactly once with a copy button. */
export function CreateApiKeyDialog({
  open,
  onClose,
  myRole,
  workspaceName,
}: {
  open: boolean;
  onClose: () => void;
  myRole: Role;
  workspaceName: string;
}) {
  const { values, set, errors, setErrors, showError, reset } = useFormValues<Values>(
    () => ({
      name: '',
      role: myRole,
      expiresInDays: '90',
    }),
    FIELDS,
  );
  const [created, setCreated] = useState<CreatedApiKey>();
  const mutation = useCreateApiKey();
  const expiry = values.expiresInDays;

  function close(reason?: DialogCloseReason) {
    // The secret is shown once: a stray click outside must not throw it away.
    if (created && reason === 'backdropClick') return;
    onClose();
  }

  function handleSubmit() {
    if (!values.name.trim()) {
      setErrors(fieldErrors({ name: 'Name the key after what will use it, e.g. "CRM sync".' }));
      return;
    }
    setErrors(undefined);
    mutation.mutate(
      {
        name: values.name.trim(),
        role: values.role,
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      },
      {
        onSuccess: setCreated,
        onError: showError,
      },
    );
  }

  return (
    <FormDialog
      open={open}
      onClose={close}
      title="Create an API key"
      onSubmit={handleSubmit}
      pending={mutation.isPending}
      submitLabel="Create key"
      pendingLabel="Creating…"
      error={errors}
      fullScreenOnPhone
      onExited={() => {
        reset();
        setCreated(undefined);
        mutation.reset();
      }}
      done={
        created && {
          title: 'Copy your new API key',
          content: (
            <>
              <Alert severity="warning" data-testid="api-key-once-warning">
                <AlertTitle>This is the only time you will see this key.</AlertTitle>
                Ringside keeps only a fingerprint of it. Copy it into your secret store now; if you
                lose it, revoke the key and create a new one.
              </Alert>
              <CopyField label="API key" value={created.secret} testId="api-key-secret" />
              <Typography variant="body2" color="text.secondary">
                <strong>{created.apiKey.name}</strong> acts as you in {workspaceName} with{' '}
                {created.apiKey.role} access
                {created.apiKey.expiresAt
                  ? ` until ${formatDate(created.apiKey.expiresAt)}`
                  : ', with no expiry'}
                . Treat it like a password.
              </Typography>
            </>
          ),
          actions: (
            <Button
              variant="contained"
              onClick={() => {
                close();
              }}
            >
              I&apos;ve copied it
            </Button>
          ),
        }
      }
    >
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        autoFocus
        required
        placeholder="e.g. CRM sync"
        value={values.name}
        onChange={(e) => {
          set('name', e.target.value);
        }}
        error={Boolean(errors?.fields.name)}
        helperText={errors?.fields.name ?? 'What will use this key, so you recognise it later.'}
        slotProps={{ htmlInput: { maxLength: 80 } }}
      />
      <RoleField
        label="Access"
        value={values.role}
        roles={grantableRoles(myRole)}
        onChange={(role) => {
          set('role', role);
        }}
        error={Boolean(errors?.fields.role)}
        helperText={errors?.fields.role}
      />
      <TextField
        select
        label="Expires after"
        name="expiresInDays"
        value={expiry}
        onChange={(e) => {
          set('expiresInDays', e.target.value as Expiry);
        }}
        error={Boolean(errors?.fields.expiresInDays)}
        helperText={
          errors?.fields.expiresInDays ??
          (expiry === 'never'
            ? 'The key works until you revoke it. Prefer an expiry for anything automated.'
            : 'After that the key stops working; create a new one to continue.')
        }
      >
        {EXPIRY_OPTIONS.map((option) => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}
