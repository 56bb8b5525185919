/** Which two states of a card the version history compares, and how to name them. */

/** A published version number, or the current working copy. */
export type VersionRef = number | 'draft';

export interface Comparison {
  from: VersionRef;
  to: VersionRef;
}

/** `?from=`/`?to=` values: a positive version number or `draft`; anything else is ignored. */
export function parseVersionRef(value: string | null | undefined): VersionRef | undefined {
  if (value === 'draft') return 'draft';
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * What to compare when the page opens: the latest version against the draft when there are
 * unpublished changes (what publishing would change), otherwise the previous version against
 * the latest (what the last publish changed). Null when there is nothing to compare.
 */
export function defaultComparison(
  versions: readonly number[],
  hasUnpublishedChanges: boolean,
): Comparison | null {
  const sorted = [...versions].sort((a, b) => b - a);
  const [latest, previous] = sorted;
  if (latest === undefined) return null;
  if (hasUnpublishedChanges) return { from: latest, to: 'draft' };
  if (previous === undefined) return null;
  return { from: previous, to: latest };
}

export function versionLabel(ref: VersionRef): string {
  return ref === 'draft' ? 'Draft' : `Version ${ref}`;
}

/** Older on the left: a version before the draft, a lower number before a higher one. */
export function inOrder(comparison: Comparison): Comparison {
  const { from, to } = comparison;
  if (from === 'draft' && to !== 'draft') return { from: to, to: from };
  if (typeof from === 'number' && typeof to === 'number' && from > to)
    return { from: to, to: from };
  return comparison;
}
