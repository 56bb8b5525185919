import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { ApiError } from '../../lib/api-error';
import { toFormErrors, withoutField, type FormErrors } from '../../lib/form-errors';
import { useMeta } from '../system/api';
import { PASSWORD_MIN, type RegisterInput } from './api';
import { useAuth } from './auth-context';
import { AuthCard } from './components/auth-layout';

const FIELDS = ['name', 'email', 'password', 'workspaceName'] as const;
type Field = (typeof FIELDS)[number];

export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. A passphrase of a few unrelated words works well.`;

function checkLocally(input: RegisterInput): FormErrors<Field>['fields'] {
  const fields: FormErrors<Field>['fields'] = {};
  if (!input.name.trim()) fields.name = 'Enter your name, as teammates should see it.';
  if (!input.email.trim()) fields.email = 'Enter your work email.';
  if (input.password.length < PASSWORD_MIN) {
    fields.password = `Use at least ${PASSWORD_MIN} characters — a passphrase works well.`;
  }
  if (input.workspaceName.trim().length < 2) {
    fields.workspaceName = 'Name your workspace (at least 2 characters), e.g. your company.';
  }
  return fields;
}

export function SignUpPage() {
  const { signUp } = useAuth();
  const meta = useMeta();
  const [params] = useSearchParams();
  const [input, setInput] = useState<RegisterInput>({
    name: '',
    email: '',
    password: '',
    workspaceName: '',
  });
  const [errors, setErrors] = useState<FormErrors<Field>>();

  const mutation = useMutation({
    mutationFn: (body: RegisterInput) => signUp(body),
    onError: (error) => {
      setErrors(
        toFormErrors(error, FIELDS, { email_taken: 'email', password_too_common: 'password' }),
      );
    },
  });

  const signInTo = params.get('next')
    ? `/sign-in?next=${encodeURIComponent(params.get('next') ?? '')}`
    : '/sign-in';

  if (meta.isPending) {
    return (
      <AuthCard title="Create your workspace">
        <Skeleton variant="rounded" height={280} />
      </AuthCard>
    );
  }

  if (meta.data && !meta.data.signupAllowed) {
    return (
      <AuthCard title="Sign-up is turned off">
        <Alert severity="info" sx={{ mb: 3 }}>
          <AlertTitle>This server only accepts invited people.</AlertTitle>
          Ask an admin of your Ringside workspace to invite you; the invite link lets you create
          your account.
        </Alert>
        <Button component={RouterLink} to={signInTo} variant="contained" fullWidth size="large">
          Go to sign in
        </Button>
      </AuthCard>
    );
  }

  function set<K extends Field>(key: K, value: string) {
    setInput((current) => ({ ...current, [key]: value }));
    setErrors((current) => withoutField(current, key));
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = checkLocally(input);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, message: undefined, requestId: undefined });
      return;
    }
    setErrors(undefined);
    mutation.mutate({
      name: input.name.trim(),
      email: input.email.trim(),
      password: input.password,
      workspaceName: input.workspaceName.trim(),
    });
  }

  const emailTaken =
    mutation.error instanceof ApiError &&
    mutation.error.code === 'email_taken' &&
    errors?.fields.email !== undefined;

  return (
    <AuthCard
      title="Create your workspace"
      subtitle="Start a Ringside workspace for your team. You'll be its owner and can invite others."
    >
      <Stack component="form" spacing={2.5} noValidate onSubmit={handleSubmit}>
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          autoFocus
          required
          value={input.name}
          onChange={(e) => {
            set('name', e.target.value);
          }}
          error={Boolean(errors?.fields.name)}
          helperText={errors?.fields.name}
        />
        <TextField
          label="Work email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={input.email}
          onChange={(e) => {
            set('email', e.target.value);
          }}
          error={Boolean(errors?.fields.email)}
          helperText={
            emailTaken ? (
              <>
                An account with this email already exists.{' '}
                <Link component={RouterLink} to={signInTo}>
                  Sign in instead
                </Link>
              </>
            ) : (
              errors?.fields.email
            )
          }
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          required
          value={input.password}
          onChange={(e) => {
            set('password', e.target.value);
          }}
          error={Boolean(errors?.fields.password)}
          helperText={errors?.fields.password ?? PASSWORD_HINT}
        />
        <TextField
          label="Workspace name"
          name="workspaceName"
          autoComplete="organization"
          required
          placeholder="e.g. Acme Product Marketing"
          value={input.workspaceName}
          onChange={(e) => {
            set('workspaceName', e.target.value);
          }}
          error={Boolean(errors?.fields.workspaceName)}
          helperText={errors?.fields.workspaceName ?? 'Usually your company or team.'}
        />
        <FormAlert message={errors?.message} requestId={errors?.requestId} />
        <Button type="submit" variant="contained" size="large" disabled={mutation.isPending}>
          {mutation.isPending ? 'Creating your workspace…' : 'Create workspace'}
        </Button>
      </Stack>
      <Typography color="text.secondary" variant="body2" sx={{ mt: 3, textAlign: 'center' }}>
        Already have an account?{' '}
        <Link component={RouterLink} to={signInTo} sx={{ fontWeight: 600 }}>
          Sign in
        </Link>
      </Typography>
    </AuthCard>
  );
}
