/** The tabs of a competitor page; each is an address under /competitors/:id. */
export const TABS = [
  'overview',
  'evidence',
  'documents',
  'battlecards',
  'deals',
  'monitoring',
] as const;
export type TabKey = (typeof TABS)[number];

/** The tab a path under /competitors/:id shows: its first segment after the id. */
export function tabOf(pathname: string, competitorId: string): TabKey {
  const base = `/competitors/${competitorId}/`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const first = rest.split('/')[0];
  return TABS.find((tab) => tab === first) ?? 'overview';
}
