import AddRounded from '@mui/icons-material/AddRounded';
import KeyRounded from '@mui/icons-material/KeyRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { RowList, RowListItem } from '../../components/row-list';
import { visuallyHidden } from '../../components/visually-hidden';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { toFormErrors } from '../../lib/form-errors';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { useAuth, useMe } from '../auth/auth-context';
import { roleLabel } from '../auth/roles';
import { keyStatus, useApiKeys, useRevokeApiKey, type ApiKey, type KeyStatus } from './api';
import { CreateApiKeyDialog } from './components/create-api-key-dialog';

const statusChip: Record<KeyStatus, { label: string; color: 'success' | 'default' | 'warning' }> = {
  active: { label: 'Active', color: 'success' },
  expired: { label: 'Expired', color: 'warning' },
  revoked: { label: 'Revoked', color: 'default' },
};

function KeyStatusCell({ apiKey }: { apiKey: ApiKey }) {
  const status = keyStatus(apiKey);
  const chip = statusChip[status];
  return (
    <Box>
      <Chip size="small" variant="outlined" color={chip.color} label={chip.label} />
      {status === 'active' && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {apiKey.expiresAt ? (
            <span title={formatDateTime(apiKey.expiresAt)}>
              Expires {formatRelative(apiKey.expiresAt)}
            </span>
          ) : (
            'No expiry'
          )}
        </Typography>
      )}
    </Box>
  );
}

function Prefix({ apiKey }: { apiKey: ApiKey }) {
  return <code title="The start of the key, to recognise it">{apiKey.prefix}…</code>;
}

function lastUsed(apiKey: ApiKey) {
  return apiKey.lastUsedAt ? (
    <span title={formatDateTime(apiKey.lastUsedAt)}>{formatRelative(apiKey.lastUsedAt)}</span>
  ) : (
    'Never'
  );
}

function RevokeButton({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: (k: ApiKey) => void }) {
  if (keyStatus(apiKey) === 'revoked') return null;
  return (
    <Button
      size="small"
      color="error"
      onClick={() => {
        onRevoke(apiKey);
      }}
      aria-label={`Revoke ${apiKey.name}`}
    >
      Revoke
    </Button>
  );
}

function KeyTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (k: ApiKey) => void }) {
  return (
    <Table aria-label="API keys">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Key</TableCell>
          <TableCell>Access</TableCell>
          <TableCell>Created</TableCell>
          <TableCell>Last used</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">
            <Box component="span" sx={visuallyHidden}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {keys.map((key) => (
          <TableRow
            key={key.id}
            data-testid={`api-key-${key.name}`}
            sx={{
              '&:last-child td': { borderBottom: 0 },
              // Keys that no longer work step back.
              ...(keyStatus(key) !== 'active' && { '& td': { color: 'text.secondary' } }),
            }}
          >
            <TableCell sx={{ fontWeight: 600, wordBreak: 'break-word' }}>{key.name}</TableCell>
            <TableCell>
              <Prefix apiKey={key} />
            </TableCell>
            <TableCell>{roleLabel[key.role]}</TableCell>
            <TableCell>
              <span title={formatDateTime(key.createdAt)}>{formatDate(key.createdAt)}</span>
            </TableCell>
            <TableCell>{lastUsed(key)}</TableCell>
            <TableCell>
              <KeyStatusCell apiKey={key} />
            </TableCell>
            <TableCell align="right">
              <RevokeButton apiKey={key} onRevoke={onRevoke} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function KeyCards({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (k: ApiKey) => void }) {
  return (
    <RowList label="API keys">
      {keys.map((key) => (
        <RowListItem key={key.id} data-testid={`api-key-${key.name}`}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="subtitle2" sx={{ wordBreak: 'break-word' }}>
                {key.name}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                <Prefix apiKey={key} /> · {roleLabel[key.role]}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Created {formatDate(key.createdAt)} ·{' '}
                {key.lastUsedAt ? <>last used {lastUsed(key)}</> : 'never used'}
              </Typography>
            </Box>
            <RevokeButton apiKey={key} onRevoke={onRevoke} />
          </Stack>
          <Box sx={{ mt: 1 }}>
            <KeyStatusCell apiKey={key} />
          </Box>
        </RowListItem>
      ))}
    </RowList>
  );
}

export function ApiKeysPage() {
  const me = useMe();
  const { can } = useAuth();
  const manage = can('apiKeys.manage');
  const isPhone = useBelowBreakpoint('md');
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [target, setTarget] = useState<ApiKey>();

  const openCreate = () => {
    setCreating(true);
  };
  const onRevoke = (key: ApiKey) => {
    revoke.reset();
    setTarget(key);
  };

  // Working keys first, newest first within each group.
  const sorted = [...(keys.data ?? [])].sort(
    (a, b) =>
      Number(keyStatus(a) !== 'active') - Number(keyStatus(b) !== 'active') ||
      b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <>
      <PageHeader
        title="API keys"
        subtitle={`Keys let scripts and integrations call the Ringside API as you, in ${me.workspace.name}. A key never has more access than your own role.`}
        action={
          manage && keys.data && keys.data.length > 0 ? (
            <Button variant="contained" startIcon={<AddRounded />} onClick={openCreate}>
              Create API key
            </Button>
          ) : undefined
        }
      />
      <Card component="section" aria-label="Your API keys">
        {keys.isPending && <ListSkeleton rows={2} rowHeight={44} />}
        {keys.isError && <QueryError what="your API keys" query={keys} inset />}
        {keys.data &&
          (sorted.length === 0 ? (
            <EmptyState
              icon={<KeyRounded />}
              title="No API keys yet"
              action={
                manage ? (
                  <Button variant="contained" startIcon={<AddRounded />} onClick={openCreate}>
                    Create API key
                  </Button>
                ) : undefined
              }
            >
              Create a key for each script or integration — a CRM sync, a CI job, a chat bot — so
              you can revoke one without breaking the others.
            </EmptyState>
          ) : isPhone ? (
            <KeyCards keys={sorted} onRevoke={onRevoke} />
          ) : (
            <KeyTable keys={sorted} onRevoke={onRevoke} />
          ))}
      </Card>
      {manage && (
        <CreateApiKeyDialog
          open={creating}
          onClose={() => {
            setCreating(false);
          }}
          myRole={me.role}
          workspaceName={me.workspace.name}
        />
      )}
      <ConfirmDialog
        open={target !== undefined}
        title={`Revoke “${target?.name ?? ''}”?`}
        confirmLabel="Revoke key"
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
        Anything using this key gets refused from now on. This cannot be undone; create a new key if
        you need one again.
      </ConfirmDialog>
    </>
  );
}
