import MailOutlineRounded from '@mui/icons-material/MailOutlineRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState } from '../../../components/empty-state';
import { RowList } from '../../../components/row-list';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { toFormErrors } from '../../../lib/form-errors';
import { roleLabel } from '../../auth/roles';
import { useRevokeInvite, type Invite } from '../api';

/** Invites nobody has used yet, each with a revoke action (confirmed first). */
export function InviteList({ invites, onInvite }: { invites: Invite[]; onInvite: () => void }) {
  const revoke = useRevokeInvite();
  const [target, setTarget] = useState<Invite>();

  if (invites.length === 0) {
    return (
      <EmptyState
        icon={<MailOutlineRounded />}
        title="No pending invites"
        action={
          <Button variant="outlined" onClick={onInvite}>
            Invite people
          </Button>
        }
      >
        Invite product marketers to edit battlecards, and sellers to read them. Invites you create
        wait here until they are used.
      </EmptyState>
    );
  }

  return (
    <>
      <RowList label="Pending invites">
        {invites.map((invite) => (
          <Stack
            key={invite.id}
            component="li"
            direction="row"
            spacing={1.5}
            data-testid={`invite-${invite.email}`}
            sx={{
              px: 2,
              py: 1.5,
              alignItems: 'center',
              '& + &': { borderTop: 1, borderColor: 'divider' },
            }}
          >
            <Box sx={{ color: 'text.secondary', display: { xs: 'none', sm: 'flex' } }} aria-hidden>
              <MailOutlineRounded />
            </Box>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle2" sx={{ wordBreak: 'break-word' }}>
                  {invite.email}
                </Typography>
                <Chip size="small" variant="outlined" label={roleLabel[invite.role]} />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {invite.invitedBy ? `Invited by ${invite.invitedBy.name} · ` : ''}
                <span title={formatDateTime(invite.expiresAt)}>
                  expires {formatRelative(invite.expiresAt)}
                </span>
              </Typography>
            </Box>
            <Button
              size="small"
              color="error"
              onClick={() => {
                revoke.reset();
                setTarget(invite);
              }}
              aria-label={`Revoke the invite for ${invite.email}`}
            >
              Revoke
            </Button>
          </Stack>
        ))}
      </RowList>
      <ConfirmDialog
        open={target !== undefined}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={revoke.error ? toFormErrors(revoke.error, []).message : undefined}
        onConfirm={() => {
          if (target) {
            revoke.mutate(target.id, {
              onSuccess: () => {
                setTarget(undefined);
              },
            });
          }
        }}
        onClose={() => {
          setTarget(undefined);
        }}
      >
        The link sent to <strong>{target?.email}</strong> stops working. You can invite them again
        later.
      </ConfirmDialog>
    </>
  );
}
