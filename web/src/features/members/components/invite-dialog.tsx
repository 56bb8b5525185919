import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useId, useState, type SubmitEvent } from 'react';
import { CopyField } from '../../../components/copy-field';
import { FormAlert } from '../../../components/form-alert';
import { formatDateTime } from '../../../lib/format';
import { toFormErrors, withoutField, type FormErrors } from '../../../lib/form-errors';
import { RoleField } from '../../auth/components/role-select';
import { grantableRoles, type Role } from '../../auth/roles';
import { useCreateInvite, type CreatedInvite } from '../api';

const FIELDS = ['email', 'role'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Creates an invite, then shows its link once: email delivery is optional, so the inviter
 * passes the link on themselves.
 */
export function InviteDialog({
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
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [created, setCreated] = useState<CreatedInvite>();
  const mutation = useCreateInvite();

  function reset() {
    setEmail('');
    setRole('viewer');
    setErrors(undefined);
    setCreated(undefined);
    mutation.reset();
  }

  function close() {
    if (mutation.isPending) return;
    onClose();
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) {
      setErrors({
        fields: { email: 'Enter the email address of the person to invite.' },
        message: undefined,
        requestId: undefined,
      });
      return;
    }
    setErrors(undefined);
    mutation.mutate(
      { email: email.trim(), role },
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
          <DialogTitle id={titleId}>Invite link ready</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 0.5 }}>
              <Alert severity="success">
                <strong>{created.invite.email}</strong> can join {workspaceName} as{' '}
                {created.invite.role} with this link.
              </Alert>
              <CopyField
                label="Invite link"
                value={created.inviteUrl}
                testId="invite-link"
                helperText={`Works once; expires ${formatDateTime(created.invite.expiresAt)}.`}
              />
              <Typography variant="body2" color="text.secondary">
                Send it to them yourself, for example in chat or email. This link is shown only now;
                if it gets lost, revoke the invite and create a new one.
              </Typography>
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={reset}>Invite someone else</Button>
            <Button variant="contained" onClick={close}>
              Done
            </Button>
          </DialogActions>
        </>
      ) : (
        <Stack component="form" noValidate onSubmit={handleSubmit}>
          <DialogTitle id={titleId}>Invite to {workspaceName}</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              <TextField
                label="Email"
                type="email"
                name="email"
                autoComplete="off"
                autoFocus
                required
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  setErrors((current) => withoutField(current, 'email'));
                }}
                error={Boolean(errors?.fields.email)}
                helperText={
                  errors?.fields.email ?? 'You will get a link to send them; it works once.'
                }
              />
              <RoleField
                value={role}
                roles={grantableRoles(myRole)}
                onChange={setRole}
                error={Boolean(errors?.fields.role)}
                helperText={errors?.fields.role}
              />
              <FormAlert message={errors?.message} requestId={errors?.requestId} />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={mutation.isPending}>
              {mutation.isPending ? 'Creating invite…' : 'Create invite link'}
            </Button>
          </DialogActions>
        </Stack>
      )}
    </Dialog>
  );
}
