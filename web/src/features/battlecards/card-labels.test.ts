import { describe, expect, it } from 'vitest';
import { confidenceLabel, freshnessChip, statusChips } from './card-labels';

const base = {
  status: 'published' as const,
  version: 3,
  publishedAt: '2025-03-01T10:00:00.000Z',
  hasUnpublishedChanges: false,
};

describe('statusChips', () => {
  it('shows Draft before the first publish', () => {
    expect(statusChips({ ...base, status: 'draft', version: 0, publishedAt: null })).toMatchObject([
      { label: 'Draft' },
    ]);
  });

  it('shows the version, and unpublished changes when there are some', () => {
    expect(statusChips(base).map((c) => c.label)).toEqual(['v3']);
    expect(statusChips({ ...base, hasUnpublishedChanges: true }).map((c) => c.label)).toEqual([
      'v3',
      'Unpublished changes',
    ]);
  });

  it('leads with archived, generating and failed states', () => {
    expect(statusChips({ ...base, status: 'archived' })[0]!.label).toBe('Archived');
    expect(statusChips({ ...base, status: 'failed' })[0]!.color).toBe('error');
  });
});

describe('freshnessChip', () => {
  it('counts stale claims', () => {
    const stale = { status: 'stale' as const, staleClaims: 2, newestEvidenceAt: null };
    expect(freshnessChip(stale)).toMatchObject({ label: '2 stale claims', color: 'warning' });
    expect(freshnessChip({ ...stale, staleClaims: 1 }).label).toBe('1 stale claim');
    const newest = '2025-03-01T10:00:00.000Z';
    expect(freshnessChip({ ...stale, status: 'fresh', newestEvidenceAt: newest }).label).toBe(
      'Fresh',
    );
  });

  it('says so when nothing is cited yet, rather than calling the card old', () => {
    const empty = { status: 'aging' as const, staleClaims: 0, newestEvidenceAt: null };
    expect(freshnessChip(empty).label).toBe('No sources');
  });
});

describe('confidenceLabel', () => {
  it('rounds to a whole percent', () => {
    expect(confidenceLabel(0.856)).toBe('86%');
  });
});
