import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Digest,
  DigestSummary,
  Inbox,
  NotificationPreferences,
  NotificationSettings,
  Webhook,
  WebhookAttempt,
  WebhookFormat,
  WebhookTestResult,
  WebhookWithSecret,
} from '../../../../common/notifications';
import type { Page } from '../../../../common/pagination';
import { api } from '../../lib/api';

export type {
  Digest,
  DigestSummary,
  Inbox,
  NotificationPreferences,
  NotificationSettings,
  Webhook,
  WebhookAttempt,
  WebhookFormat,
  WebhookTestResult,
  WebhookWithSecret,
};

/** Kept in plain values here so the web bundle does not pull in zod. */
export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  generic: 'Generic JSON',
};

/** The inbox sits under `changes`, so every `change.*` live event refreshes the bell too. */
export const notificationKeys = {
  inbox: ['changes', 'inbox'] as const,
  settings: ['notification-settings'] as const,
  preferences: ['notification-preferences'] as const,
  webhooks: ['webhooks', 'list'] as const,
  attempts: (id: string) => ['webhooks', 'attempts', id] as const,
  digests: ['digests', 'list'] as const,
  digest: (id: string) => ['digests', 'detail', id] as const,
};

export function useInbox() {
  return useQuery({
    queryKey: notificationKeys.inbox,
    queryFn: ({ signal }) => api.get<Inbox>('/api/v1/notifications/inbox', { signal }),
    // The live connection refreshes it; this only catches up after a long sleep.
    refetchInterval: 5 * 60_000,
  });
}

export function useMarkChangeRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<null>(`/api/v1/changes/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['changes'] }),
  });
}

const SETTINGS_URL = '/api/v1/workspaces/current/notification-settings';
const PREFS_URL = '/api/v1/me/notification-preferences';

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => api.get<NotificationSettings>(SETTINGS_URL, { signal }),
  });
}

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<NotificationSettings>) =>
      api.patch<NotificationSettings>(SETTINGS_URL, body),
    onSuccess: (data) => {
      client.setQueryData(notificationKeys.settings, data);
      void client.invalidateQueries({ queryKey: notificationKeys.inbox });
    },
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api.get<NotificationPreferences>(PREFS_URL, { signal }),
  });
}

export function useUpdatePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Omit<NotificationPreferences, 'emailAvailable'>>) =>
      api.patch<NotificationPreferences>(PREFS_URL, body),
    onSuccess: (data) => client.setQueryData(notificationKeys.preferences, data),
  });
}

export function useWebhooks(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.webhooks,
    queryFn: ({ signal }) => api.get<{ items: Webhook[] }>('/api/v1/webhooks', { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useWebhookMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks'] });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; url: string; format: WebhookFormat }) =>
        api.post<WebhookWithSecret>('/api/v1/webhooks', body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
        api.patch<Webhook>(`/api/v1/webhooks/${id}`, { enabled }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<null>(`/api/v1/webhooks/${id}`),
      onSuccess: refresh,
    }),
    test: useMutation({
      mutationFn: (id: string) => api.post<WebhookTestResult>(`/api/v1/webhooks/${id}/test`),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (id: string) =>
        api.post<WebhookWithSecret>(`/api/v1/webhooks/${id}/rotate-secret`),
    }),
  };
}

export function useWebhookAttempts(id: string) {
  return useQuery({
    queryKey: notificationKeys.attempts(id),
    queryFn: ({ signal }) =>
      api.get<Page<WebhookAttempt>>(`/api/v1/webhooks/${id}/deliveries`, {
        signal,
        query: { limit: 50 },
      }),
  });
}

export function useDigests() {
  return useQuery({
    queryKey: notificationKeys.digests,
    queryFn: ({ signal }) =>
      api.get<Page<DigestSummary>>('/api/v1/digests', { signal, query: { limit: 10 } }),
  });
}

export function useDigest(id: string | null) {
  return useQuery({
    queryKey: notificationKeys.digest(id ?? ''),
    queryFn: ({ signal }) => api.get<Digest>(`/api/v1/digests/${id}`, { signal }),
    enabled: id !== null,
  });
}
