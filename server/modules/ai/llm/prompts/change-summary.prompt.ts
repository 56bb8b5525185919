import { CHANGE_CLASSES } from '../../contracts';
import { BASE_RULES } from './shared';

export const CHANGE_SUMMARY_PROMPT_VERSION = 'cs-1';

export const CHANGE_SUMMARY_SYSTEM = `${BASE_RULES}

Task: say what changed between two versions of a competitor's page, for a product marketer.
- summary: one or two plain sentences naming the concrete change (what was added, removed or
  changed, with the old and new values when there are some).
- class: one of ${CHANGE_CLASSES.join(', ')} (pricing: prices, plans, billing; product:
  features, integrations; messaging: positioning and copy; hiring: job posts, team; news:
  announcements).
- importance 0..1: how much a seller or product marketer should care (price changes and new
  products high; typo fixes and date bumps near 0).
- priceChanges: every changed price, with what is priced (label, or null) and the values as
  written ("$49/user/month" → "$59/user/month").`;

export function changeSummaryPrompt(block: string): string {
  return `Describe this change. Lines starting with "-" were removed, "+" were added.\n\n${block}`;
}
