import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEventSchema } from '../../../../common/auth';
import { api } from '../../lib/api';

export type AuditEvent = z.output<typeof AuditEventSchema>;
interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;

export const auditKeys = {
  list: ['audit-events', 'list'] as const,
};

/** Newest first, a page at a time; `fetchNextPage` follows the server's cursor. */
export function useAuditEvents(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: auditKeys.list,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>('/api/v1/audit-events', {
        query: { cursor: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
