import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiKey, CreateApiKeyBodySchema, CreatedApiKeySchema } from '../../../../common/auth';
import { api } from '../../lib/api';

export type { ApiKey };
export type CreateApiKeyInput = z.input<typeof CreateApiKeyBodySchema>;
export type CreatedApiKey = z.output<typeof CreatedApiKeySchema>;

export const apiKeyKeys = {
  list: ['api-keys', 'list'] as const,
};

/** The caller's own keys. */
export function useApiKeys() {
  return useQuery({
    queryKey: apiKeyKeys.list,
    queryFn: ({ signal }) => api.get<{ items: ApiKey[] }>('/api/v1/api-keys', { signal }),
    select: (data) => data.items,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyInput) => api.post<CreatedApiKey>('/api/v1/api-keys', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(`/api/v1/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}

export type KeyStatus = 'active' | 'expired' | 'revoked';

export function keyStatus(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}
