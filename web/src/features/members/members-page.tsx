import GroupOutlined from '@mui/icons-material/GroupOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardHeader from '@mui/material/CardHeader';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useAuth, useMe } from '../auth/auth-context';
import { useInvites, useMembers } from './api';
import { InviteDialog } from './components/invite-dialog';
import { InviteList } from './components/invite-list';
import { MemberList } from './components/member-list';

export function MembersPage() {
  const me = useMe();
  const { can } = useAuth();
  const manageMembers = can('members.manage');
  const manageInvites = can('invites.manage');
  const members = useMembers();
  const invites = useInvites(manageInvites);
  const [inviting, setInviting] = useState(false);

  const openInvite = () => {
    setInviting(true);
  };

  return (
    <>
      <PageHeader
        title="Members"
        subtitle={
          manageMembers
            ? `Who can open ${me.workspace.name}, and what each person may do.`
            : `Who can open ${me.workspace.name}. Only admins can invite people or change roles.`
        }
        action={
          manageInvites ? (
            <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={openInvite}>
              Invite people
            </Button>
          ) : undefined
        }
      />
      <Stack spacing={3}>
        <Card component="section" aria-labelledby="members-title">
          <CardHeader
            title={members.data ? `Members (${members.data.length})` : 'Members'}
            slotProps={{ title: { id: 'members-title', variant: 'h4', component: 'h2' } }}
          />
          <Divider />
          {members.isPending && <ListSkeleton rows={3} rowHeight={44} />}
          {members.isError && <QueryError what="the member list" query={members} inset />}
          {members.data &&
            (members.data.length === 0 ? (
              <EmptyState icon={<GroupOutlined />} title="No members yet" />
            ) : (
              <MemberList
                members={members.data}
                myUserId={me.user.id}
                myRole={me.role}
                manage={manageMembers}
              />
            ))}
        </Card>

        {manageInvites && (
          <Card component="section" aria-labelledby="invites-title">
            <CardHeader
              title="Pending invites"
              subheader="Links you created that nobody has used yet"
              slotProps={{
                title: { id: 'invites-title', variant: 'h4', component: 'h2' },
                subheader: { variant: 'body2' },
              }}
            />
            <Divider />
            {invites.isPending && <ListSkeleton rows={2} rowHeight={44} />}
            {invites.isError && <QueryError what="the invites" query={invites} inset />}
            {invites.data && <InviteList invites={invites.data} onInvite={openInvite} />}
          </Card>
        )}
      </Stack>
      {manageInvites && (
        <InviteDialog
          open={inviting}
          onClose={() => {
            setInviting(false);
          }}
          myRole={me.role}
          workspaceName={me.workspace.name}
        />
      )}
    </>
  );
}
