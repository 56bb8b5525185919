import { useQuery } from '@tanstack/react-query';
import type { CardImpact, Overview, Trends } from '../../../../common/analytics';
import type { AnalyticsInterval } from '../../../../common/usage-events';
import { api } from '../../lib/api';

export type { CardImpact, Overview, Trends };

export interface PeriodChoice {
  /** Days back from today, inclusive of today. */
  days: number;
  interval: AnalyticsInterval;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `from`/`to` as dates: the last `days` days ending today (UTC), as the API counts them. */
export function periodParams(days: number, today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { from, to };
}

const query = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export const analyticsKeys = {
  all: ['analytics'] as const,
  overview: (days: number) => ['analytics', 'overview', days] as const,
  trends: (p: PeriodChoice) => ['analytics', 'trends', p.days, p.interval] as const,
  impact: (days: number, windowDays: number) => ['analytics', 'impact', days, windowDays] as const,
};

export function useOverview(days: number) {
  return useQuery({
    queryKey: analyticsKeys.overview(days),
    queryFn: ({ signal }) =>
      api.get<Overview>(`/api/v1/analytics/overview?${query(periodParams(days))}`, { signal }),
  });
}

export function useTrends(choice: PeriodChoice) {
  return useQuery({
    queryKey: analyticsKeys.trends(choice),
    queryFn: ({ signal }) =>
      api.get<Trends>(
        `/api/v1/analytics/trends?${query({ ...periodParams(choice.days), interval: choice.interval })}`,
        { signal },
      ),
  });
}

export function useCardImpact(days: number, windowDays: number) {
  return useQuery({
    queryKey: analyticsKeys.impact(days, windowDays),
    queryFn: ({ signal }) =>
      api.get<CardImpact>(
        `/api/v1/analytics/card-impact?${query({ ...periodParams(days), windowDays })}`,
        { signal },
      ),
  });
}

/** Tells analytics a response was copied (the server cannot see the clipboard). Best effort. */
export function reportResponseCopied(battlecardId: string, claimId: string): void {
  void api
    .post('/api/v1/analytics/events', { type: 'response.copied', battlecardId, claimId })
    .catch(() => undefined);
}
