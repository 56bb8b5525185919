import { Writable } from 'node:stream';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthResponse } from '../../../common/auth';
import { type Battlecard, type BattlecardSummary, SECTION_KEYS } from '../../../common/battlecards';
import type { Competitor, Evidence } from '../../../common/competitors';
import type { Page } from '../../../common/pagination';
import type { Product } from '../../../common/product';
import {
  battlecard,
  battlecardVersion,
  claim,
  competitor,
  deal,
  evidence,
  membership,
  product,
  user,
  workspace,
} from '../../db/schema';
import type { Mode } from '../../config';
import type { Services } from '../../services';
import { validateCitations } from '../battlecards/citations';
import { registerOwner } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';
import { DEMO_ACCOUNT, DEMO_COMPETITORS } from './demo-content';
import { announceDemoSignIn, demoSignInBox } from './demo-announce';
import { type DemoSignIn, ensureDemoWorkspace, seedDemoWorkspace } from './demo.service';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

/** A real app on a fresh, empty database. */
async function freshApp(): Promise<TestApp> {
  const test = await buildTestApp({ jobs: false });
  opened.push(test);
  return test;
}

/** The same services as a deployment in `mode` with `DEMO` set (tests run on either database). */
const deployedAs = (services: Services, mode: Mode, demo = true): Services => ({
  ...services,
  config: { ...services.config, mode, demo },
});

async function rowCount(services: Services, table: PgTable): Promise<number> {
  const [row] = await services.database.db.select({ n: count() }).from(table);
  return row!.n;
}

async function counts(services: Services) {
  const tables = {
    user,
    workspace,
    membership,
    product,
    competitor,
    evidence,
    battlecard,
    claim,
    battlecardVersion,
    deal,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(
      async ([name, table]) => [name, await rowCount(services, table)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}

const expectedEvidence = DEMO_COMPETITORS.reduce((n, c) => n + c.evidence.length, 0);
const expectedDeals = DEMO_COMPETITORS.reduce((n, c) => n + c.deals.length, 0);
const expectedClaims = DEMO_COMPETITORS.reduce(
  (n, c) => n + SECTION_KEYS.reduce((m, key) => m + c.battlecard.sections[key].length, 0),
  0,
);

async function signIn(test: TestApp, signInData: DemoSignIn) {
  const res = await test.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: signInData.email, password: signInData.password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const auth = res.json<AuthResponse>();
  return { auth, headers: { authorization: `Bearer ${auth.accessToken}` } };
}

describe('demo workspace', () => {
  it('seeds an empty embedded installation once, with a sign-in that works', async () => {
    const test = await freshApp();
    const services = deployedAs(test.services, 'embedded');
    expect(await counts(services)).toMatchObject({ user: 0, workspace: 0 });

    const demo = await ensureDemoWorkspace(services);
    expect(demo).toMatchObject({ email: DEMO_ACCOUNT.email, url: services.config.publicUrl });
    expect(demo!.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    expect(await counts(services)).toEqual({
      user: 1,
      workspace: 1,
      membership: 1,
      product: 1,
      competitor: 3,
      evidence: expectedEvidence,
      battlecard: 3,
      claim: expectedClaims,
      battlecardVersion: 3,
      deal: expectedDeals,
    });
    expect(expectedEvidence).toBeGreaterThanOrEqual(15);

    // The printed password signs in; a wrong one does not.
    const { auth, headers } = await signIn(test, demo!);
    expect(auth).toMatchObject({ role: 'owner', workspace: { name: DEMO_ACCOUNT.workspaceName } });
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demo!.email, password: 'not-the-demo-password' },
    });
    expect(wrong.statusCode).toBe(401);
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.statusCode, me.body).toBe(200);

    // A later start finds users and does nothing (and prints nothing).
    const before = await counts(services);
    expect(await ensureDemoWorkspace(services)).toBeNull();
    expect(await seedDemoWorkspace(services)).toBeNull();
    expect(await counts(services)).toEqual(before);
  });

  it('shows complete, published, correctly cited battlecards through the API', async () => {
    const test = await freshApp();
    const demo = (await seedDemoWorkspace(test.services))!;
    const { headers } = await signIn(test, demo);
    const get = async <T>(url: string): Promise<T> => {
      const res = await test.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json<T>();
    };

    const ourProduct = await get<Product>('/api/v1/product');
    expect(ourProduct).toMatchObject({ name: 'Tidewell', configured: true });
    expect(ourProduct.capabilities.length).toBeGreaterThan(3);

    const rivals = await get<Page<Competitor>>('/api/v1/competitors?limit=100');
    expect(rivals.items.map((c) => c.tier).sort()).toEqual(['emerging', 'primary', 'secondary']);
    for (const rival of rivals.items) {
      expect(rival.website).toMatch(/^https:\/\/[a-z-]+\.example$/);
      expect(rival.counts.battlecards).toBe(1);
      expect(rival.counts.evidence).toBeGreaterThanOrEqual(5);
      expect(rival.counts.deals).toBeGreaterThanOrEqual(3);
      expect(rival.winRate).not.toBeNull();
      // Captured over the last months, not all at the moment of seeding.
      expect(Date.now() - Date.parse(rival.lastEvidenceAt!)).toBeGreaterThan(2 * 86_400_000);
    }

    const cards = await get<Page<BattlecardSummary>>('/api/v1/battlecards?limit=100');
    expect(cards.items).toHaveLength(3);
    const staleClaims: string[] = [];
    for (const summary of cards.items) {
      const card = await get<Battlecard>(`/api/v1/battlecards/${summary.id}`);
      expect(card).toMatchObject({ status: 'published', version: 1, hasUnpublishedChanges: false });
      expect(card.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
      const audiences = new Set<string>();
      for (const section of card.sections) {
        expect(section.claims.length, `${card.title}: ${section.key}`).toBeGreaterThan(0);
        for (const c of section.claims) {
          audiences.add(c.audience);
          expect(c.citations.length, c.text).toBeGreaterThan(0);
          expect(Boolean(c.response)).toBe(section.key === 'objections');
          if (c.stale) staleClaims.push(c.staleReason ?? '');
          for (const citation of c.citations) {
            const source = await get<Evidence>(`/api/v1/evidence/${citation.evidenceId}`);
            expect(source.competitorId).toBe(card.competitorId);
            expect(source.content.includes(citation.quote), citation.quote).toBe(true);
          }
          // And the service's own check agrees.
          await validateCitations(test.services.database.db, demo.workspaceId, c.citations);
        }
      }
      expect([...audiences].sort()).toEqual(['internal', 'shareable']);
      expect(card.sections.flatMap((s) => s.claims).some((c) => c.verifiedBy !== null)).toBe(true);

      const versions = await get<{ items: { version: number; claimCount: number }[] }>(
        `/api/v1/battlecards/${card.id}/versions`,
      );
      expect(versions.items).toEqual([
        expect.objectContaining({
          version: 1,
          claimCount: card.sections.reduce((n, s) => n + s.claims.length, 0),
        }),
      ]);
    }
    expect(staleClaims).toHaveLength(1);
    expect(staleClaims[0]).toMatch(/SOC 2 Type II/);

    const deals =
      await get<Page<{ outcome: string; objections: { claimId: string | null }[] }>>(
        '/api/v1/deals?limit=100',
      );
    expect(new Set(deals.items.map((d) => d.outcome))).toEqual(
      new Set(['won', 'lost', 'no_decision']),
    );
    expect(deals.items.some((d) => d.objections.some((o) => o.claimId !== null))).toBe(true);

    const found = await get<{ items: { type: string }[] }>('/api/v1/search?q=Forge%20AI');
    expect(found.items.length).toBeGreaterThan(0);
  });

  it('does nothing when DEMO=false or in scale mode', async () => {
    const test = await freshApp();
    expect(await ensureDemoWorkspace(deployedAs(test.services, 'embedded', false))).toBeNull();
    expect(await ensureDemoWorkspace(deployedAs(test.services, 'scale', true))).toBeNull();
    expect(await rowCount(test.services, user)).toBe(0);
  });

  it('leaves an installation that already has a user alone', async () => {
    const test = await freshApp();
    await registerOwner(test.app);
    expect(await ensureDemoWorkspace(deployedAs(test.services, 'embedded'))).toBeNull();
    expect(await counts(test.services)).toMatchObject({ user: 1, workspace: 1, competitor: 0 });
  });

  it('creates one demo when two starts race', async () => {
    const test = await freshApp();
    const results = await Promise.all([
      seedDemoWorkspace(test.services),
      seedDemoWorkspace(test.services),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await counts(test.services)).toMatchObject({ user: 1, workspace: 1, competitor: 3 });
  });

  it('leaves nothing behind when seeding fails, and succeeds on the next start', async () => {
    const test = await freshApp();
    const services = deployedAs(test.services, 'embedded');
    // A real failure late in the seed (the deals come last), from the database itself.
    await services.database.exec(`
      create function demo_test_refuse() returns trigger language plpgsql as
        $$ begin raise exception 'deal table unavailable'; end $$;
      create trigger demo_test_refuse before insert on deal
        for each row execute function demo_test_refuse();`);
    expect(await ensureDemoWorkspace(services)).toBeNull();
    expect(Object.values(await counts(services)).every((n) => n === 0)).toBe(true);

    await services.database.exec(`
      drop trigger demo_test_refuse on deal;
      drop function demo_test_refuse();`);
    expect(await ensureDemoWorkspace(services)).not.toBeNull();
    expect(await rowCount(services, deal)).toBe(expectedDeals);
  });

  it('prints the sign-in once in a box, and keeps the password out of the log', () => {
    const signInData: DemoSignIn = {
      url: 'http://localhost:3000',
      email: DEMO_ACCOUNT.email,
      password: 'abcde-fghjk-mnpqr-stuvw',
      workspaceId: '00000000-0000-4000-8000-000000000000',
    };
    let logged = '';
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged += chunk.toString();
          done();
        },
      }),
    );
    let printed = '';
    announceDemoSignIn(signInData, log, (text) => (printed += text));

    expect(printed).toBe(`\n${demoSignInBox(signInData)}\n`);
    expect(printed).toContain('Password:  abcde-fghjk-mnpqr-stuvw');
    expect(printed).toContain(`Email:     ${DEMO_ACCOUNT.email}`);
    expect(printed).toContain('Open:      http://localhost:3000');
    expect(printed).toContain('DEMO=false');
    // Every line of the box has the same width.
    const lines = printed.trim().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);

    expect(logged).toContain(DEMO_ACCOUNT.email);
    expect(logged).not.toContain(signInData.password);
  });
});
