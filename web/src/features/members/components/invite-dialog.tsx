import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CopyField } from '../../../components/copy-field';
import { FormDialog } from '../../../components/form-dialog';
import { formatDateTime } from '../../../lib/format';
import { fieldErrors } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { RoleField } from '../../auth/components/role-select';
import { grantableRoles, type Role } from '../../auth/roles';
import { useCreateInvite, type CreatedInvite } from '../api';

const FIELDS = ['email', 'role'] as const;

interface Values {
  email: string;
  role: Role;
}

const EMPTY: Values = { email: '', role: 'viewer' };

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
  const { values, set, errors, setErrors, showError, reset } = useFormValues<Values>(
    () => EMPTY,
    FIELDS,
  );
  const [created, setCreated] = useState<CreatedInvite>();
  const mutation = useCreateInvite();

  function resetAll() {
    reset();
    setCreated(undefined);
    mutation.reset();
  }

  function handleSubmit() {
    if (!values.email.trim()) {
      setErrors(fieldErrors({ email: 'Enter the email address of the person to invite.' }));
      return;
    }
    setErrors(undefined);
    mutation.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: setCreated,
        onError: showError,
      },
    );
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`Invite to ${workspaceName}`}
      onSubmit={handleSubmit}
      pending={mutation.isPending}
      submitLabel="Create invite link"
      pendingLabel="Creating invite…"
      error={errors}
      fullScreenOnPhone
      onExited={resetAll}
      done={
        created && {
          title: 'Invite link ready',
          content: (
            <>
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
            </>
          ),
          actions: (
            <>
              <Button onClick={resetAll}>Invite someone else</Button>
              <Button
                variant="contained"
                onClick={() => {
                  onClose();
                }}
              >
                Done
              </Button>
            </>
          ),
        }
      }
    >
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="off"
        autoFocus
        required
        value={values.email}
        onChange={(e) => {
          set('email', e.target.value);
        }}
        error={Boolean(errors?.fields.email)}
        helperText={errors?.fields.email ?? 'You will get a link to send them; it works once.'}
      />
      <RoleField
        value={values.role}
        roles={grantableRoles(myRole)}
        onChange={(role) => {
          set('role', role);
        }}
        error={Boolean(errors?.fields.role)}
        helperText={errors?.fields.role}
      />
    </FormDialog>
  );
}
