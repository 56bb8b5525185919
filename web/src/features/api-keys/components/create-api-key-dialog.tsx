import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useId, useState, type SubmitEvent } from 'react';
import { CopyField } from '../../../components/copy-field';
import { FormAlert } from '../../../components/form-alert';
import { formatDate } from '../../../lib/format';
import { toFormErrors, withoutField, type FormErrors } from '../../../lib/form-errors';
import { RoleField } from '../../auth/components/role-select';
import { grantableRoles, type Role } from '../../auth/roles';
import { useCreateApiKey, type CreatedApiKey } from '../api';

const FIELDS = ['name', 'role', 'expiresInDays'] as const;
type Field = (typeof FIELDS)[number];

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
] as const;
type Expiry = (typeof EXPIRY_OPTIONS)[number]['value'];

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
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const titleId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(myRole);
  const [expiry, setExpiry] = useState<Expiry>('90');
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [created, setCreated] = useState<CreatedApiKey>();
  const mutation = useCreateApiKey();

  function reset() {
    setName('');
    setRole(myRole);
    setExpiry('90');
    setErrors(undefined);
    setCreated(undefined);
    mutation.reset();
  }

  function close(_event?: unknown, reason?: string) {
    if (mutation.isPending) return;
    // The secret is shown once: a stray click outside must not throw it away.
    if (created && reason === 'backdropClick') return;
    onClose();
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({
        fields: { name: 'Name the key after what will use it, e.g. "CRM sync".' },
        message: undefined,
        requestId: undefined,
      });
      return;
    }
    setErrors(undefined);
    mutation.mutate(
      {
        name: name.trim(),
        role,
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      },
      {
        onSuccess: setCreated,
        onError: (error) => {
          setErrors(toFormErrors(error, FIELDS));
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
      fullScreen={fullScreen}
      slotProps={{ transition: { onExited: reset } }}
    >
      {created ? (
        <>
          <DialogTitle id={titleId}>Copy your new API key</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 0.5 }}>
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
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button variant="contained" onClick={() => close()}>
              I&apos;ve copied it
            </Button>
          </DialogActions>
        </>
      ) : (
        <Stack component="form" noValidate onSubmit={handleSubmit}>
          <DialogTitle id={titleId}>Create an API key</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              <TextField
                label="Name"
                name="name"
                autoComplete="off"
                autoFocus
                required
                placeholder="e.g. CRM sync"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setErrors((current) => withoutField(current, 'name'));
                }}
                error={Boolean(errors?.fields.name)}
                helperText={
                  errors?.fields.name ?? 'What will use this key, so you recognise it later.'
                }
                slotProps={{ htmlInput: { maxLength: 80 } }}
              />
              <RoleField
                label="Access"
                value={role}
                roles={grantableRoles(myRole)}
                onChange={setRole}
                error={Boolean(errors?.fields.role)}
                helperText={errors?.fields.role}
              />
              <TextField
                select
                label="Expires after"
                name="expiresInDays"
                value={expiry}
                onChange={(e) => {
                  setExpiry(e.target.value as Expiry);
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
              <FormAlert message={errors?.message} requestId={errors?.requestId} />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => close()} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={mutation.isPending}>
              {mutation.isPending ? 'Creating…' : 'Create key'}
            </Button>
          </DialogActions>
        </Stack>
      )}
    </Dialog>
  );
}
