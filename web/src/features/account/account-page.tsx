import CheckRounded from '@mui/icons-material/CheckRounded';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { UsernameHint } from '../../components/username-hint';
import { PasswordField } from '../../components/password-field';
import { formatDate } from '../../lib/format';
import { toFormErrors, withoutField, type FormErrors } from '../../lib/form-errors';
import { PASSWORD_MIN, type ChangePasswordInput } from '../auth/api';
import { useAuth, useMe } from '../auth/auth-context';
import { roleDescription, roleLabel } from '../auth/roles';
import { PASSWORD_HINT } from '../auth/sign-up-page';
import { PersonAvatar } from '../../components/person-avatar';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary" component="dt" sx={{ lineHeight: 1.8 }}>
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 600, wordBreak: 'break-word' }}>
        {children}
      </Typography>
    </Box>
  );
}

function ProfileCard() {
  const me = useMe();
  return (
    <Card component="section" aria-labelledby="profile-title">
      <CardHeader
        avatar={<PersonAvatar name={me.user.name} />}
        title={me.user.name}
        subheader={me.user.email}
        slotProps={{
          title: { id: 'profile-title', variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2', sx: { wordBreak: 'break-word' } },
        }}
      />
      <Divider />
      <CardContent>
        <Box
          component="dl"
          sx={{ m: 0, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}
        >
          <Fact label="Workspace">{me.workspace.name}</Fact>
          <Fact label="Your role">
            <Chip
              size="small"
              color="primary"
              variant="outlined"
              label={roleLabel[me.role]}
              data-testid="account-role"
              sx={{ verticalAlign: 'middle' }}
            />
            <Typography
              variant="body2"
              color="text.secondary"
              component="span"
              sx={{ display: 'block', mt: 0.5, fontWeight: 400 }}
            >
              {roleDescription[me.role]}
            </Typography>
          </Fact>
          <Fact label="Account created">{formatDate(me.user.createdAt)}</Fact>
          <Fact label="Workspaces">
            {me.memberships.length === 1 ? '1 workspace' : `${me.memberships.length} workspaces`}
          </Fact>
        </Box>
        {me.memberships.length > 1 && (
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 2 }}>
            {me.memberships.map((m) => (
              <Stack
                component="li"
                key={m.workspace.id}
                direction="row"
                spacing={1}
                sx={{ alignItems: 'center', py: 0.5 }}
              >
                <Typography sx={{ flex: 1, minWidth: 0 }} noWrap>
                  {m.workspace.name}
                </Typography>
                <Chip size="small" variant="outlined" label={roleLabel[m.role]} />
                {m.workspace.id === me.workspace.id && (
                  <Chip size="small" color="primary" icon={<CheckRounded />} label="Current" />
                )}
              </Stack>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

function ChangePasswordCard() {
  const me = useMe();
  const { changePassword } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const mutation = useMutation({
    mutationFn: (body: ChangePasswordInput) => changePassword(body),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
    onError: (error) => {
      setErrors(
        toFormErrors(error, FIELDS, {
          invalid_credentials: 'currentPassword',
          password_too_common: 'newPassword',
        }),
      );
    },
  });

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!current) fields.currentPassword = 'Enter the password you use now.';
    if (next.length < PASSWORD_MIN) {
      fields.newPassword = `Use at least ${PASSWORD_MIN} characters — a passphrase works well.`;
    } else if (next === current) {
      fields.newPassword = 'Choose a password different from the current one.';
    }
    if (!fields.newPassword && confirm !== next) {
      fields.confirmPassword = 'This does not match the new password.';
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, message: undefined, requestId: undefined });
      return;
    }
    setErrors(undefined);
    mutation.mutate({ currentPassword: current, newPassword: next });
  }

  return (
    <Card component="section" aria-labelledby="password-title">
      <CardHeader
        title="Change password"
        subheader="Changing it signs you out everywhere else: other browsers, devices and tabs in other profiles."
        slotProps={{
          title: { id: 'password-title', variant: 'h4', component: 'h2' },
          subheader: { variant: 'body2' },
        }}
      />
      <Divider />
      <CardContent>
        <Stack
          component="form"
          spacing={2.5}
          noValidate
          onSubmit={handleSubmit}
          sx={{ maxWidth: 480 }}
        >
          {mutation.isSuccess && (
            <Alert severity="success" role="status" data-testid="password-changed">
              Password changed. You stay signed in here; every other session was signed out.
            </Alert>
          )}
          <PasswordField
            label="Current password"
            name="currentPassword"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => {
              setCurrent(e.target.value);
              setErrors((current) => withoutField(current, 'currentPassword'));
            }}
            error={Boolean(errors?.fields.currentPassword)}
            helperText={errors?.fields.currentPassword}
          />
          <PasswordField
            label="New password"
            name="newPassword"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => {
              setNext(e.target.value);
              setErrors((current) => withoutField(current, 'newPassword'));
            }}
            error={Boolean(errors?.fields.newPassword)}
            helperText={errors?.fields.newPassword ?? PASSWORD_HINT}
          />
          <PasswordField
            label="Repeat new password"
            name="confirmPassword"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => {
              setConfirm(e.target.value);
              setErrors((current) => withoutField(current, 'confirmPassword'));
            }}
            error={Boolean(errors?.fields.confirmPassword)}
            helperText={errors?.fields.confirmPassword}
          />
          <UsernameHint value={me.user.email} />
          <FormAlert message={errors?.message} requestId={errors?.requestId} />
          <Box>
            <Button type="submit" variant="contained" disabled={mutation.isPending}>
              {mutation.isPending ? 'Changing password…' : 'Change password'}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}

export function AccountPage() {
  return (
    <>
      <PageHeader title="Account" subtitle="Your profile and how you sign in." />
      <Box
        sx={{
          display: 'grid',
          gap: { xs: 2, md: 3 },
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
          alignItems: 'start',
        }}
      >
        <ProfileCard />
        <ChangePasswordCard />
      </Box>
    </>
  );
}
