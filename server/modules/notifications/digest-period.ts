/** Digest periods in UTC: a day ends at midnight, a week on Monday at midnight. */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DigestPeriod {
  frequency: 'daily' | 'weekly';
  key: string;
  start: Date;
  end: Date;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The last complete period before `now`: the one a digest built now reports on. */
export function lastCompletePeriod(frequency: 'daily' | 'weekly', now: Date): DigestPeriod {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (frequency === 'daily') {
    const start = new Date(midnight.getTime() - DAY_MS);
    return { frequency, key: `daily:${isoDate(start)}`, start, end: midnight };
  }
  const sinceMonday = (midnight.getUTCDay() + 6) % 7;
  const end = new Date(midnight.getTime() - sinceMonday * DAY_MS);
  const start = new Date(end.getTime() - 7 * DAY_MS);
  return { frequency, key: `weekly:${isoDate(start)}`, start, end };
}
