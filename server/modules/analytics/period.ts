import type { z } from 'zod';
import type { PeriodQuerySchema } from '../../../common/analytics';
import { badRequest } from '../../lib/errors';
import { instantOf } from '../deals/deals.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_PERIOD_DAYS = 30;
const MAX_PERIOD_DAYS = 3 * 366;

export interface Period {
  from: Date;
  /** Exclusive end. */
  until: Date;
}

/**
 * `from`/`to` inclusive as in the deals API (a date-only `to` is through the end of that day);
 * no `to` = now, no `from` = 30 days before the end.
 */
export function resolvePeriod(query: z.infer<typeof PeriodQuerySchema>, now = new Date()): Period {
  const until = query.to
    ? new Date(instantOf(query.to).getTime() + (DATE_ONLY.test(query.to) ? DAY_MS : 1))
    : now;
  const from = query.from
    ? instantOf(query.from)
    : new Date(until.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (from.getTime() >= until.getTime()) {
    throw badRequest('invalid_period', '`from` must be before `to`.');
  }
  if (until.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw badRequest('invalid_period', 'A period can be at most three years long.');
  }
  return { from, until };
}

export const presentPeriod = (p: Period) => ({
  from: p.from.toISOString(),
  to: new Date(p.until.getTime() - 1).toISOString(),
});
