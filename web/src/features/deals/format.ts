/** Labels and numbers for deals and win rates. */
import type { DealOutcome } from '../../../../common/deals';

export const DEAL_OUTCOMES = [
  'won',
  'lost',
  'no_decision',
] as const satisfies readonly DealOutcome[];

export const outcomeLabel: Record<DealOutcome, string> = {
  won: 'Won',
  lost: 'Lost',
  no_decision: 'No decision',
};

export const outcomeColor: Record<DealOutcome, 'success' | 'error' | 'default'> = {
  won: 'success',
  lost: 'error',
  no_decision: 'default',
};

/** 125000, "USD" → "$125,000"; cents only when there are any. */
export function formatAmount(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(amount);
  } catch {
    // An unknown currency code: still show the number.
    return `${amount.toLocaleString()} ${currency}`;
  }
}

/**
 * What people type as an amount ("125,000", "$ 9 500.50") as a number; blank → undefined,
 * not a number → NaN.
 */
export function parseAmount(input: string): number | undefined {
  const cleaned = input.replace(/[\s,$€£¥_]/g, '');
  if (!cleaned) return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** won / (won + lost); null when nothing was decided (as the server computes it). */
export function winRateOf(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

interface OutcomeCounts {
  competitorName: string;
  won: number;
  lost: number;
  noDecision: number;
}

/** Competitors with at least one deal, the most decided deals first, then by name. */
export function rankWinRates<T extends OutcomeCounts>(rows: readonly T[]): T[] {
  return rows
    .filter((r) => r.won + r.lost + r.noDecision > 0)
    .sort(
      (a, b) =>
        b.won + b.lost - (a.won + a.lost) ||
        b.noDecision - a.noDecision ||
        a.competitorName.localeCompare(b.competitorName),
    );
}
