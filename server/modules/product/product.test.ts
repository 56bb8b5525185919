import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../common/product';
import { event, product } from '../../db/schema';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';

const t = useTestApp();
const get = (who: Account) => t.call(who, 'GET', '/api/v1/product');
const put = (who: Account, payload: object) => t.call(who, 'PUT', '/api/v1/product', payload);

const profile = {
  name: 'Ringside',
  pitch: 'Battlecards sellers trust, because every line cites its source.',
  capabilities: ['Cited battlecards', 'Win/loss tracking'],
  pricing: 'Team: $30 per seat per month.',
  proofPoints: [
    { kind: 'customer', text: 'Initech' },
    { kind: 'metric', text: '+12 points win rate in two quarters' },
  ],
};

describe('our product profile', () => {
  it('starts unconfigured, named after the workspace', async () => {
    const owner = await registerOwner(t.app, { workspaceName: 'Umbrella Sales' });
    const viewer = await addMember(t.app, owner, 'viewer');
    expect((await get(owner)).json()).toEqual({
      name: 'Umbrella Sales',
      pitch: '',
      capabilities: [],
      pricing: '',
      proofPoints: [],
      updatedAt: null,
      updatedBy: null,
      configured: false,
      canEdit: true,
    });
    expect((await get(viewer)).json<Product>().canEdit).toBe(false);
  });

  it('is saved by editors, replaced on each save, and kept per workspace', async () => {
    const owner = await registerOwner(t.app);
    const editor = await addMember(t.app, owner, 'editor', 'Eve Editor');
    const saved = await put(editor, profile);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      ...profile,
      configured: true,
      canEdit: true,
      updatedBy: { id: editor.auth.user.id, name: 'Eve Editor' },
    });
    expect((await get(owner)).json()).toEqual(saved.json());

    // PUT replaces: what is left out goes back to its default.
    const again = await put(owner, { name: '  Ringside Cloud ', capabilities: ['Search'] });
    expect(again.json()).toMatchObject({
      name: 'Ringside Cloud',
      pitch: '',
      capabilities: ['Search'],
      proofPoints: [],
      updatedBy: { id: owner.auth.user.id },
    });
    expect(Date.parse(again.json().updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(saved.json().updatedAt),
    );
    const db = t.db();
    const ws = owner.auth.workspace.id;
    expect(await db.select().from(product).where(eq(product.workspaceId, ws))).toHaveLength(1);
    const events = await db
      .select()
      .from(event)
      .where(and(eq(event.workspaceId, ws), eq(event.type, 'product.updated')));
    expect(events).toHaveLength(2);

    const stranger = await registerOwner(t.app, { workspaceName: 'Elsewhere' });
    expect((await get(stranger)).json()).toMatchObject({ name: 'Elsewhere', configured: false });
  });

  it('refuses viewers with 403 and invalid bodies with field paths', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    expect((await put(viewer, profile)).statusCode).toBe(403);
    const cases: [object, string[]][] = [
      [{ ...profile, name: 'R' }, ['body.name']],
      [{ ...profile, name: 'Ring<side>' }, ['body.name']],
      [{ ...profile, capabilities: ['ok', ''] }, ['body.capabilities.1']],
      [{ ...profile, proofPoints: [{ kind: 'rumour', text: 'x' }] }, ['body.proofPoints.0.kind']],
      [{ ...profile, pitch: 'x'.repeat(301) }, ['body.pitch']],
      [{ ...profile, logo: 'x' }, ['body.logo']],
    ];
    for (const [payload, paths] of cases) {
      const res = await put(owner, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toEqual(paths);
    }
    expect((await get(owner)).json<Product>().configured).toBe(false);
  });
});
