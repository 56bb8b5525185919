import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { UsernameHint } from '../../components/username-hint';
import { PasswordField } from '../../components/password-field';
import { QueryError } from '../../components/query-error';
import { ApiError } from '../../lib/api-error';
import { formatDate, formatRelative } from '../../lib/format';
import { toFormErrors, withoutField, type FormErrors } from '../../lib/form-errors';
import { PASSWORD_MIN, useInvitePreview, type AcceptInviteInput, type InvitePreview } from './api';
import { useAuth } from './auth-context';
import { AuthCard } from './components/auth-layout';
import { roleDescription, roleLabel } from './roles';
import { PASSWORD_HINT } from './sign-up-page';

const FIELDS = ['name', 'password'] as const;
type Field = (typeof FIELDS)[number];

function DeadLink({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <AuthCard title={title}>
      <Alert severity="warning" sx={{ mb: 3 }} data-testid="invite-unusable">
        {children}
      </Alert>
      <Button component={RouterLink} to="/sign-in" variant="outlined" fullWidth>
        Go to sign in
      </Button>
    </AuthCard>
  );
}

function InviteSummary({ preview }: { preview: InvitePreview }) {
  return (
    <Box
      data-testid="invite-summary"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1.5, p: 2, mb: 3 }}
    >
      <Typography variant="overline" color="text.secondary" component="div">
        Workspace
      </Typography>
      <Typography variant="h3" component="p" sx={{ mb: 1.5, wordBreak: 'break-word' }}>
        {preview.workspace.name}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Chip size="small" color="primary" variant="outlined" label={roleLabel[preview.role]} />
        <Typography variant="body2" color="text.secondary">
          {roleDescription[preview.role]}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {preview.invitedBy ? `Invited by ${preview.invitedBy}` : 'Invited'} ·{' '}
        <span title={formatDate(preview.expiresAt)}>
          link expires {formatRelative(preview.expiresAt)}
        </span>
      </Typography>
    </Box>
  );
}

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { me, acceptInvite } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [accepting, setAccepting] = useState(false);
  const preview = useInvitePreview(token, !accepting);

  const mutation = useMutation({
    onMutate: () => {
      setAccepting(true);
    },
    mutationFn: (body: AcceptInviteInput) => acceptInvite(body),
    onSuccess: () => {
      void navigate('/', { replace: true });
    },
    onError: (error) => {
      setAccepting(false);
      setErrors(
        toFormErrors(error, FIELDS, {
          invalid_credentials: 'password',
          password_too_common: 'password',
        }),
      );
    },
  });

  if (!token) {
    return (
      <DeadLink title="This invite link is incomplete">
        The link has no invite token. Open the full link from your invitation again, or ask the
        person who invited you to send it once more.
      </DeadLink>
    );
  }

  if (preview.isPending) {
    return (
      <AuthCard title="Join a workspace">
        <Stack spacing={2} aria-busy="true" aria-label="Loading the invite">
          <Skeleton variant="rounded" height={120} />
          <Skeleton variant="rounded" height={56} />
          <Skeleton variant="rounded" height={44} />
        </Stack>
      </AuthCard>
    );
  }

  if (preview.isError) {
    const error = preview.error;
    if (error instanceof ApiError && error.code === 'invite_expired') {
      return (
        <DeadLink title="This invite has expired">
          Invite links only work for a limited time. Ask the person who invited you to send a new
          one.
        </DeadLink>
      );
    }
    if (error instanceof ApiError && (error.code === 'invite_not_found' || error.status === 404)) {
      return (
        <DeadLink title="This invite link doesn't work">
          It may have been revoked, already used, or copied incompletely. Ask the person who invited
          you for a new link.
        </DeadLink>
      );
    }
    return (
      <AuthCard title="Join a workspace">
        <QueryError what="this invite" query={preview} />
      </AuthCard>
    );
  }

  const invite = preview.data;
  const existing = invite.accountExists;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!existing && !name.trim()) fields.name = 'Enter your name, as teammates should see it.';
    if (!password) fields.password = 'Enter a password.';
    else if (!existing && password.length < PASSWORD_MIN) {
      fields.password = `Use at least ${PASSWORD_MIN} characters — a passphrase works well.`;
    }
    if (fields.name || fields.password) {
      setErrors({ fields, message: undefined, requestId: undefined });
      return;
    }
    setErrors(undefined);
    mutation.mutate(existing ? { token, password } : { token, name: name.trim(), password });
  }

  const signedInAsSomeoneElse = me && me.user.email !== invite.email;

  return (
    <AuthCard
      title={`Join ${invite.workspace.name}`}
      subtitle={
        existing ? (
          <>
            You already have a Ringside account for <strong>{invite.email}</strong>. Sign in with
            its password to join.
          </>
        ) : (
          <>
            Create your account for <strong>{invite.email}</strong> to join the workspace.
          </>
        )
      }
    >
      <InviteSummary preview={invite} />
      {signedInAsSomeoneElse && (
        <Alert severity="info" sx={{ mb: 2.5 }}>
          You are signed in as {me.user.email}. Joining signs you in as {invite.email} instead.
        </Alert>
      )}
      <Stack component="form" spacing={2.5} noValidate onSubmit={handleSubmit}>
        {!existing && (
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            autoFocus
            required
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors((current) => withoutField(current, 'name'));
            }}
            error={Boolean(errors?.fields.name)}
            helperText={errors?.fields.name}
          />
        )}
        <PasswordField
          label={existing ? 'Password' : 'Choose a password'}
          name="password"
          autoComplete={existing ? 'current-password' : 'new-password'}
          autoFocus={existing}
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setErrors((current) => withoutField(current, 'password'));
          }}
          error={Boolean(errors?.fields.password)}
          helperText={errors?.fields.password ?? (existing ? undefined : PASSWORD_HINT)}
        />
        <UsernameHint value={invite.email} />
        <FormAlert message={errors?.message} requestId={errors?.requestId} />
        <Button type="submit" variant="contained" size="large" disabled={mutation.isPending}>
          {mutation.isPending
            ? 'Joining…'
            : existing
              ? 'Sign in to join'
              : 'Create account and join'}
        </Button>
      </Stack>
    </AuthCard>
  );
}
