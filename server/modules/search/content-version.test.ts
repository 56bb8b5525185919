import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_EVENTS } from '../../../common/usage-events';
import { registerOwner } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';
import { recordEvent } from '../audit/audit.service';
import { readContentVersion } from './content-version';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the content version that keys the search cache', () => {
  it('moves on a content write, not on a view, a copy, an export or a search', async () => {
    const owner = await registerOwner(t.app);
    const workspaceId = owner.auth.workspace.id;
    const ctx = { workspaceId, db: t.services.database.db } as Parameters<
      typeof readContentVersion
    >[0];
    const record = (type: string, entity: string) =>
      recordEvent(t.services.database.db, {
        type,
        workspaceId,
        actorId: owner.auth.user.id,
        entity,
        entityId: crypto.randomUUID(),
      });
    await record('claim.created', 'claim');
    const before = await readContentVersion(ctx);
    expect(before).not.toBeNull();
    for (const [type, entity] of [
      [USAGE_EVENTS.cardViewed, 'battlecard'],
      [USAGE_EVENTS.responseCopied, 'claim'],
      [USAGE_EVENTS.cardExported, 'battlecard'],
      [USAGE_EVENTS.searched, 'workspace'],
      [USAGE_EVENTS.changeRead, 'competitor'],
    ] as const) {
      await sleep(5);
      await record(type, entity);
      expect(await readContentVersion(ctx), type).toBe(before);
    }
    await sleep(5);
    await record('battlecard.updated', 'battlecard');
    expect(await readContentVersion(ctx)).not.toBe(before);
  });
});
