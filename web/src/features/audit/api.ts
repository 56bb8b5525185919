import type { z } from 'zod';
import type { AuditEventSchema } from '../../../../common/auth';
import { usePagedList } from '../../lib/use-paged-list';

export type AuditEvent = z.output<typeof AuditEventSchema>;

const PAGE_SIZE = 50;

export const auditKeys = {
  list: ['audit-events', 'list'] as const,
};

/** Newest first, a page at a time; `fetchNextPage` follows the server's cursor. */
export function useAuditEvents(enabled: boolean) {
  return usePagedList<AuditEvent>({
    queryKey: auditKeys.list,
    path: '/api/v1/audit-events',
    pageSize: PAGE_SIZE,
    enabled,
  });
}
