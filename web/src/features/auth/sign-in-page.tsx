import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { toFormErrors, withoutField, type FormErrors } from '../../lib/form-errors';
import { useMeta } from '../system/api';
import type { LoginInput } from './api';
import { useAuth } from './auth-context';
import { AuthCard } from './components/auth-layout';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const { state, signIn } = useAuth();
  const [params] = useSearchParams();
  const meta = useMeta();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>();

  const mutation = useMutation({
    mutationFn: (input: LoginInput) => signIn(input),
    // Success needs nothing here: signed in, the route sends the user on to `next`.
    onError: (error) => {
      setErrors(toFormErrors(error, FIELDS));
    },
  });

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!email.trim()) fields.email = 'Enter the email you signed up with.';
    if (!password) fields.password = 'Enter your password.';
    if (fields.email || fields.password) {
      setErrors({ fields, message: undefined, requestId: undefined });
      return;
    }
    setErrors(undefined);
    mutation.mutate({ email: email.trim(), password });
  }

  const expired = state.status === 'signedOut' && state.reason === 'expired';
  const next = params.get('next');
  const signUpTo = next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';

  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Sign in to your Ringside workspace.">
      <Stack component="form" spacing={2.5} noValidate onSubmit={handleSubmit}>
        {expired && (
          <Alert severity="info" data-testid="session-ended">
            Your session has ended. Sign in again to pick up where you left off.
          </Alert>
        )}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setErrors((current) => withoutField(current, 'email'));
          }}
          error={Boolean(errors?.fields.email)}
          helperText={errors?.fields.email}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setErrors((current) => withoutField(current, 'password'));
          }}
          error={Boolean(errors?.fields.password)}
          helperText={errors?.fields.password}
        />
        <FormAlert message={errors?.message} requestId={errors?.requestId} />
        <Button type="submit" variant="contained" size="large" disabled={mutation.isPending}>
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </Stack>
      <Typography color="text.secondary" variant="body2" sx={{ mt: 3, textAlign: 'center' }}>
        {meta.data?.signupAllowed ? (
          <>
            New to Ringside?{' '}
            <Link component={RouterLink} to={signUpTo} sx={{ fontWeight: 600 }}>
              Create a workspace
            </Link>
          </>
        ) : meta.data ? (
          'Need an account? Ask an admin of your workspace for an invite link.'
        ) : null}
      </Typography>
    </AuthCard>
  );
}
