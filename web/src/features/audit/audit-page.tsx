import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EmptyState } from '../../components/empty-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { LoadMoreFooter } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { RowList, RowListItem } from '../../components/row-list';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useBelowBreakpoint } from '../../lib/use-below-breakpoint';
import { useAuth, useMe } from '../auth/auth-context';
import { useAuditEvents, type AuditEvent } from './api';

const TYPE_LABELS: Record<string, string> = {
  'auth.registered': 'Signed up',
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Changed password',
  'auth.workspace_switched': 'Switched workspace',
  'auth.refresh_reuse': 'Reused sign-in token: all sessions ended',
  'invite.created': 'Invited someone',
  'invite.revoked': 'Revoked an invite',
  'invite.accepted': 'Accepted an invite',
  'member.role_changed': 'Changed a role',
  'member.disabled': 'Disabled a member',
  'member.enabled': 'Enabled a member',
  'api_key.created': 'Created an API key',
  'api_key.revoked': 'Revoked an API key',
};

/** A readable label: known types by name, others from their code (`a.b_c` → "A b c"). */
export function describeType(type: string): string {
  const known = TYPE_LABELS[type];
  if (known) return known;
  const words = type.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The event's extra data as short `key: value` pairs; nested values are left out. */
function describeData(data: unknown): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

function Actor({ event }: { event: AuditEvent }) {
  if (!event.actor) return <Typography variant="body2">System</Typography>;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {event.actor.name}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
        {event.actor.email}
      </Typography>
    </Box>
  );
}

function What({ event }: { event: AuditEvent }) {
  const details = describeData(event.data);
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {describeType(event.type)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
        <code>{event.type}</code>
        {details ? ` · ${details}` : ''}
      </Typography>
    </Box>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <Box>
      <Typography variant="body2">{formatRelative(iso)}</Typography>
      <Typography variant="body2" color="text.secondary">
        {formatDateTime(iso)}
      </Typography>
    </Box>
  );
}

function EventTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table aria-label="Audit events" size="small" sx={{ '& td, & th': { py: 1.25 } }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 190 }}>When</TableCell>
          <TableCell sx={{ width: 240 }}>Who</TableCell>
          <TableCell>What</TableCell>
          <TableCell sx={{ width: 150 }}>From</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id} data-testid="audit-event" data-type={event.type}>
            <TableCell>
              <When iso={event.createdAt} />
            </TableCell>
            <TableCell>
              <Actor event={event} />
            </TableCell>
            <TableCell>
              <What event={event} />
            </TableCell>
            <TableCell title={event.userAgent ?? undefined}>
              <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
                {event.ip ?? '—'}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function EventCards({ events }: { events: AuditEvent[] }) {
  return (
    <RowList label="Audit events">
      {events.map((event) => (
        <RowListItem key={event.id} data-testid="audit-event" data-type={event.type}>
          <What event={event} />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {event.actor ? event.actor.name : 'System'} ·{' '}
            <span title={formatDateTime(event.createdAt)}>{formatRelative(event.createdAt)}</span>
            {event.ip ? ` · ${event.ip}` : ''}
          </Typography>
        </RowListItem>
      ))}
    </RowList>
  );
}

export function AuditPage() {
  const me = useMe();
  const { can } = useAuth();
  const allowed = can('audit.read');
  const isPhone = useBelowBreakpoint('md');
  const query = useAuditEvents(allowed);
  const events = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle={`Who did what in ${me.workspace.name}: sign-ins, invites, role changes, API keys.`}
      />
      {!allowed ? (
        <Alert severity="info" data-testid="audit-forbidden">
          Only admins and owners of {me.workspace.name} can read the audit log. Ask one of them if
          you need to know who changed something.
        </Alert>
      ) : (
        <Card component="section" aria-label="Audit events">
          {query.isPending && <ListSkeleton rows={5} rowHeight={40} />}
          {query.isError && !query.data && <QueryError what="the audit log" query={query} inset />}
          {query.data &&
            (events.length === 0 ? (
              <EmptyState icon={<HistoryOutlined />} title="Nothing recorded yet">
                Sign-ins, invites, role changes and API key changes appear here as they happen.
              </EmptyState>
            ) : (
              <>
                {isPhone ? <EventCards events={events} /> : <EventTable events={events} />}
                <LoadMoreFooter
                  list={query}
                  summary={`${events.length === 1 ? '1 event' : `${events.length} events`}${query.hasNextPage ? ' shown' : ', that is all'}`}
                />
              </>
            ))}
        </Card>
      )}
    </>
  );
}
