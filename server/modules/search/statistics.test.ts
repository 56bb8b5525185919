import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidence, workspace } from '../../db/schema';
import { insertCompetitor } from '../../test/core-factories';
import { type TestServices, createTestServices } from '../../test/harness';
import { usingPostgres } from '../../test/test-database';
import { refreshStatisticsTask } from './statistics';

// PostgreSQL's own autovacuum keeps statistics there; the task only acts on PGlite.
describe.skipIf(usingPostgres())('planner statistics on the embedded database', () => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices({ jobs: false });
  });
  afterAll(async () => {
    await t.close();
  });

  const evidenceStats = async () =>
    (
      await t.services.database.query<{ tuples: number; analyzed: string | null }>(
        `select c.reltuples as tuples, s.last_analyze::text as analyzed
          from pg_class c join pg_stat_user_tables s on s.relid = c.oid
          where c.relname = 'evidence'`,
      )
    ).rows[0]!;

  it('analyzes a searched table once it has grown, and leaves it alone otherwise', async () => {
    const task = refreshStatisticsTask(t.services);
    await task.run();
    const before = await evidenceStats();
    expect(before.tuples).toBe(0);

    const [space] = await t.services.database.db
      .insert(workspace)
      .values({ name: 'Stats' })
      .returning();
    const rival = await insertCompetitor(t.services, space!.id);
    await t.services.database.db.insert(evidence).values(
      Array.from({ length: 400 }, (_, i) => ({
        workspaceId: space!.id,
        competitorId: rival.id,
        kind: 'note' as const,
        title: `Note ${i}`,
        content: `Pricing call ${i}. `.repeat(60),
        contentHash: `hash-${i}`,
      })),
    );
    await task.run();
    const after = await evidenceStats();
    expect(after.tuples).toBe(400);
    expect(after.analyzed).not.toBe(before.analyzed);

    await task.run();
    expect(await evidenceStats()).toEqual(after);
  });
});
