import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateInviteBodySchema,
  CreatedInviteSchema,
  Invite,
  Member,
  UpdateMemberBodySchema,
} from '../../../../common/auth';
import { api } from '../../lib/api';

export type { Invite, Member };
export type CreateInviteInput = z.input<typeof CreateInviteBodySchema>;
export type CreatedInvite = z.output<typeof CreatedInviteSchema>;
export type UpdateMemberInput = z.input<typeof UpdateMemberBodySchema>;

export const memberKeys = {
  members: ['members', 'list'] as const,
  invites: ['invites', 'list'] as const,
};

export function useMembers() {
  return useQuery({
    queryKey: memberKeys.members,
    queryFn: ({ signal }) => api.get<{ items: Member[] }>('/api/v1/members', { signal }),
    select: (data) => data.items,
  });
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: UpdateMemberInput & { userId: string }) =>
      api.patch<Member>(`/api/v1/members/${encodeURIComponent(userId)}`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData<{ items: Member[] }>(memberKeys.members, (current) =>
        current
          ? {
              items: current.items.map((m) => (m.user.id === updated.user.id ? updated : m)),
            }
          : current,
      );
      void queryClient.invalidateQueries({ queryKey: memberKeys.members });
    },
  });
}

/** Only for callers with `invites.manage`; others get 403. */
export function useInvites(enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.invites,
    queryFn: ({ signal }) => api.get<{ items: Invite[] }>('/api/v1/invites', { signal }),
    select: (data) => data.items.filter((invite) => invite.status === 'pending'),
    enabled,
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInviteInput) => api.post<CreatedInvite>('/api/v1/invites', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invites }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(`/api/v1/invites/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invites }),
  });
}
