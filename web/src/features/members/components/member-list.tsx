import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PersonAvatar } from '../../../components/person-avatar';
import { RowList, RowListItem } from '../../../components/row-list';
import { visuallyHidden } from '../../../components/visually-hidden';
import { formatDate } from '../../../lib/format';
import { toFormErrors } from '../../../lib/form-errors';
import { useBelowBreakpoint } from '../../../lib/use-below-breakpoint';
import { grantableRoles, hasRole, roleLabel, type Role } from '../../auth/roles';
import { useUpdateMember, type Member } from '../api';

function StatusChip({ status }: { status: Member['status'] }) {
  return status === 'active' ? (
    <Chip size="small" variant="outlined" color="success" label="Active" />
  ) : (
    <Chip size="small" variant="outlined" label="Disabled" />
  );
}

interface RowControls {
  /** Whether the caller may change this member at all. */
  editable: boolean;
  roles: Role[];
  pending: boolean;
  onRole: (role: Role) => void;
  onToggleStatus: () => void;
}

function RoleControl({ member, controls }: { member: Member; controls: RowControls }) {
  if (!controls.editable) {
    return <Typography variant="body2">{roleLabel[member.role]}</Typography>;
  }
  return (
    <Select
      size="small"
      value={member.role}
      disabled={controls.pending}
      onChange={(e) => {
        controls.onRole(e.target.value);
      }}
      inputProps={{ 'aria-label': `Role of ${member.user.name}` }}
      renderValue={(v) => roleLabel[v]}
      sx={{ minWidth: 120 }}
    >
      {controls.roles.map((role) => (
        <MenuItem key={role} value={role}>
          {roleLabel[role]}
        </MenuItem>
      ))}
    </Select>
  );
}

function StatusAction({ member, controls }: { member: Member; controls: RowControls }) {
  if (!controls.editable) return null;
  const disabling = member.status === 'active';
  return (
    <Button
      size="small"
      color={disabling ? 'error' : 'primary'}
      disabled={controls.pending}
      onClick={controls.onToggleStatus}
      aria-label={`${disabling ? 'Disable' : 'Enable'} ${member.user.name}`}
    >
      {disabling ? 'Disable' : 'Enable'}
    </Button>
  );
}

function NameCell({ member, isMe }: { member: Member; isMe: boolean }) {
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
      <PersonAvatar name={member.user.name} disabled={member.status === 'disabled'} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="subtitle2" component="span" sx={{ wordBreak: 'break-word' }}>
          {member.user.name}
        </Typography>
        {isMe && <Chip size="small" label="You" sx={{ ml: 1, height: 20 }} />}
        <Typography variant="body2" color="text.secondary" sx={{ display: { sm: 'none' } }}>
          {member.user.email}
        </Typography>
      </Box>
    </Stack>
  );
}

/**
 * The members of the workspace. With `manage`, each other member gets a role picker and a
 * disable/enable action (never for yourself, nor for someone above your own role).
 */
export function MemberList({
  members,
  myUserId,
  myRole,
  manage,
}: {
  members: Member[];
  myUserId: string;
  myRole: Role;
  manage: boolean;
}) {
  const isPhone = useBelowBreakpoint('sm');
  const update = useUpdateMember();
  const [problem, setProblem] = useState<string>();
  const [confirmDisable, setConfirmDisable] = useState<Member>();

  function change(member: Member, body: { role?: Role; status?: Member['status'] }) {
    setProblem(undefined);
    update.mutate(
      { userId: member.user.id, ...body },
      {
        onSuccess: () => {
          setConfirmDisable(undefined);
        },
        onError: (error) => {
          setProblem(toFormErrors(error, []).message ?? 'The change was not saved.');
        },
      },
    );
  }

  const controlsFor = (member: Member): RowControls => ({
    editable: manage && member.user.id !== myUserId && hasRole(myRole, member.role),
    roles: grantableRoles(myRole),
    pending: update.isPending && update.variables.userId === member.user.id,
    onRole: (role) => {
      if (role !== member.role) change(member, { role });
    },
    onToggleStatus: () => {
      if (member.status === 'active') {
        update.reset();
        setConfirmDisable(member);
      } else change(member, { status: 'active' });
    },
  });

  const sorted = [...members].sort(
    (a, b) =>
      Number(b.user.id === myUserId) - Number(a.user.id === myUserId) ||
      a.user.name.localeCompare(b.user.name),
  );

  return (
    <>
      {problem && !confirmDisable && (
        <Alert
          severity="error"
          role="alert"
          onClose={() => {
            setProblem(undefined);
          }}
          sx={{ m: 2, mb: 0 }}
          data-testid="member-error"
        >
          {problem}
        </Alert>
      )}
      {isPhone ? (
        <RowList label="Members">
          {sorted.map((member) => {
            const controls = controlsFor(member);
            return (
              <RowListItem key={member.user.id} data-testid={`member-${member.user.email}`}>
                <NameCell member={member} isMe={member.user.id === myUserId} />
                <Stack
                  direction="row"
                  spacing={1}
                  sx={{ mt: 1, pl: 6, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
                >
                  <RoleControl member={member} controls={controls} />
                  <StatusChip status={member.status} />
                  <Box sx={{ flex: 1 }} />
                  <StatusAction member={member} controls={controls} />
                </Stack>
              </RowListItem>
            );
          })}
        </RowList>
      ) : (
        <Table aria-label="Members">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell sx={{ width: 160 }}>Role</TableCell>
              <TableCell sx={{ width: 110 }}>Status</TableCell>
              {manage && (
                <TableCell sx={{ width: 110 }} align="right">
                  <Box component="span" sx={visuallyHidden}>
                    Actions
                  </Box>
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((member) => {
              const controls = controlsFor(member);
              return (
                <TableRow
                  key={member.user.id}
                  data-testid={`member-${member.user.email}`}
                  sx={{ '&:last-child td': { borderBottom: 0 } }}
                >
                  <TableCell>
                    <NameCell member={member} isMe={member.user.id === myUserId} />
                  </TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>
                    {member.user.email}
                    <Typography variant="body2" color="text.secondary">
                      Joined {formatDate(member.joinedAt)}
                    </Typography>
                  </TableCell>
                  <TableCell data-testid="member-role">
                    <RoleControl member={member} controls={controls} />
                  </TableCell>
                  <TableCell>
                    <StatusChip status={member.status} />
                  </TableCell>
                  {manage && (
                    <TableCell align="right">
                      <StatusAction member={member} controls={controls} />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={confirmDisable !== undefined}
        title={`Disable ${confirmDisable?.user.name ?? 'member'}?`}
        confirmLabel="Disable"
        pendingLabel="Disabling…"
        pending={update.isPending}
        error={problem}
        onConfirm={() => {
          if (confirmDisable) change(confirmDisable, { status: 'disabled' });
        }}
        onClose={() => {
          setConfirmDisable(undefined);
          setProblem(undefined);
        }}
      >
        They are signed out and cannot open this workspace until you enable them again. Their
        account and history stay.
      </ConfirmDialog>
    </>
  );
}
