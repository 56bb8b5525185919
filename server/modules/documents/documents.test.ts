import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Document, UploadResult } from '../../../common/documents';
import { document, evidence, jobRun } from '../../db/schema';
import { insertBattlecard, insertClaim, insertCompetitor } from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { useTestApp } from '../../test/test-app';
import { makeDocx, makePdf, uploadAs } from './documents.test-support';

const t = useTestApp({ jobs: { work: true, supervise: false, pollingIntervalSeconds: 0.5 } });
const { call } = t;

async function uploaded(who: Account, bytes: Buffer, name: string, fields = {}) {
  const res = await uploadAs(t.app, who, bytes, { name, fields });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<UploadResult>();
}

/** Waits for extraction to end (ready or failed) and returns the document. */
function settled(who: Account, id: string): Promise<Document> {
  return eventually(
    async () => {
      const doc = (await call(who, 'GET', `/api/v1/documents/${id}`)).json<Document>();
      return doc.status === 'ready' || doc.status === 'failed' ? doc : undefined;
    },
    60_000,
    `document ${id} extracted`,
  );
}

async function evidenceOf(documentId: string) {
  return t.db().select().from(evidence).where(eq(evidence.documentId, documentId));
}

describe('uploading a document and extracting its text', () => {
  it('a real PDF becomes evidence of its competitor with the same text, pages, words and language', async () => {
    const owner = await registerOwner(t.app);
    const rival = await insertCompetitor(t.services, owner.auth.workspace.id, { name: 'Acme' });
    const pages = [
      'Acme Enterprise costs $49 per seat per month and includes single sign-on.',
      'The onboarding of their customers takes six weeks, and the support team is in Berlin.',
    ];
    const created = await uploaded(owner, await makePdf(pages), 'Acme datasheet.pdf', {
      competitorId: rival.id,
    });
    expect(created).toMatchObject({
      duplicate: false,
      format: 'pdf',
      mediaType: 'application/pdf',
      originalName: 'Acme datasheet.pdf',
      title: 'Acme datasheet',
      competitorId: rival.id,
      status: 'queued',
      evidenceId: null,
    });
    const doc = await settled(owner, created.id);
    expect(doc).toMatchObject({ status: 'ready', error: null, pageCount: 2, language: 'en' });
    expect(doc.wordCount).toBe(pages.join(' ').split(/\s+/).length);
    for (const page of pages) expect(doc.preview).toContain(page);
    const [item] = await evidenceOf(created.id);
    expect(item).toMatchObject({
      id: doc.evidenceId,
      kind: 'document',
      competitorId: rival.id,
      title: 'Acme datasheet',
      createdBy: owner.auth.user.id,
    });
    for (const page of pages) expect(item!.content).toContain(page);
    // The evidence is searchable like any other.
    const found = await call(owner, 'GET', '/api/v1/evidence?q=onboarding');
    expect(found.json().items.map((e: { id: string }) => e.id)).toEqual([item!.id]);
    expect(await t.recordedEvent('document.uploaded', created.id)).toBeDefined();
    expect(await t.recordedEvent('document.extracted', created.id)).toBeDefined();
    // Then the AI pipeline reads it: its own job finds the price and the SSO feature.
    const analysis = await eventually(
      async () => {
        const [run] = await t
          .db()
          .select()
          .from(jobRun)
          .where(eq(jobRun.idempotencyKey, `evidence.analyze:${item!.id}`));
        return run?.finishedAt ? run : undefined;
      },
      60_000,
      'the evidence analysis job',
    );
    expect(analysis.error).toBeNull();
    expect(analysis.result).toMatchObject({ evidenceId: item!.id, engine: 'local' });
    expect((analysis.result as { facts: number }).facts).toBeGreaterThanOrEqual(2);
  });

  it('a real DOCX becomes evidence with its heading and paragraphs', async () => {
    const owner = await registerOwner(t.app);
    const rival = await insertCompetitor(t.services, owner.auth.workspace.id);
    const paragraphs = [
      'Globex charges for every integration separately.',
      'Die Preise in München sind höher.',
    ];
    const created = await uploaded(
      owner,
      await makeDocx('Globex call notes', paragraphs),
      'notes.docx',
      { competitorId: rival.id, title: 'Call notes, May' },
    );
    expect(created.format).toBe('docx');
    const doc = await settled(owner, created.id);
    expect(doc.status).toBe('ready');
    expect(doc.pageCount).toBeNull();
    const [item] = await evidenceOf(created.id);
    expect(item!.title).toBe('Call notes, May');
    expect(item!.content).toContain('Globex call notes');
    for (const p of paragraphs) expect(item!.content).toContain(p);
  });

  it('text, Markdown, CSV and HTML are stored as such; HTML keeps its readable text only', async () => {
    const owner = await registerOwner(t.app);
    const rival = await insertCompetitor(t.services, owner.auth.workspace.id);
    const longParagraph =
      'Initech says its platform is the fastest in the market, and that the customers who moved to it from older tools saw their ticket backlog shrink within a quarter. ';
    const cases: {
      name: string;
      body: string;
      format: string;
      expected: string;
      absent?: string;
    }[] = [
      {
        name: 'notes.txt',
        body: 'They lost the Umbrella deal on price.\r\nSecond line.',
        format: 'text',
        expected: 'They lost the Umbrella deal on price.\nSecond line.',
      },
      {
        name: 'brief.md',
        body: '# Initech brief\n\n- Strong in EMEA\n- Weak API\n',
        format: 'markdown',
        expected: '# Initech brief\n\n- Strong in EMEA\n- Weak API',
      },
      {
        name: 'prices.csv',
        body: 'plan,price\nStarter,19\nPro,49\n',
        format: 'csv',
        expected: 'plan,price\nStarter,19\nPro,49',
      },
      {
        name: 'page.html',
        body: `<!doctype html><html><head><title>Initech pricing</title><script>alert("x")</script></head><body><nav>Home | About</nav><article><h1>Initech pricing</h1><p>${longParagraph.repeat(3)}</p></article></body></html>`,
        format: 'html',
        expected: 'Initech says its platform is the fastest in the market',
        absent: 'alert(',
      },
    ];
    for (const c of cases) {
      const created = await uploaded(owner, Buffer.from(c.body), c.name, {
        competitorId: rival.id,
      });
      expect(created.format, c.name).toBe(c.format);
      const doc = await settled(owner, created.id);
      expect(doc.status, c.name).toBe('ready');
      const [item] = await evidenceOf(created.id);
      if (c.format === 'html') expect(item!.content).toContain(c.expected);
      else expect(item!.content, c.name).toBe(c.expected);
      if (c.absent) expect(item!.content).not.toContain(c.absent);
    }
  });

  it('the same bytes again return the existing document (200, duplicate) — per workspace', async () => {
    const owner = await registerOwner(t.app);
    const bytes = Buffer.from('Hooli raised prices in March.');
    const first = await uploaded(owner, bytes, 'a.txt');
    const again = await uploadAs(t.app, owner, bytes, { name: 'b.txt' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, duplicate: true, originalName: 'a.txt' });
    const stranger = await registerOwner(t.app);
    const theirs = await uploadAs(t.app, stranger, bytes, { name: 'a.txt' });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.id);
  });

  it('a document without a competitor is extracted; linking it later makes the evidence', async () => {
    const owner = await registerOwner(t.app);
    const rival = await insertCompetitor(t.services, owner.auth.workspace.id);
    const created = await uploaded(owner, Buffer.from('Vandelay ships quarterly.'), 'v.txt');
    const doc = await settled(owner, created.id);
    expect(doc).toMatchObject({ status: 'ready', evidenceId: null, competitorId: null });
    const linked = await call(owner, 'PATCH', `/api/v1/documents/${created.id}`, {
      competitorId: rival.id,
      title: 'Vandelay cadence',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().evidenceId).not.toBeNull();
    const [item] = await evidenceOf(created.id);
    expect(item).toMatchObject({ competitorId: rival.id, title: 'Vandelay cadence' });
    expect(item!.content).toBe('Vandelay ships quarterly.');
  });
});

describe('listing, downloading and deleting documents', () => {
  it('lists newest first with cursors and filters by competitor and status', async () => {
    const owner = await registerOwner(t.app);
    const ws = owner.auth.workspace.id;
    const acme = await insertCompetitor(t.services, ws);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const doc = await uploaded(owner, Buffer.from(`Note number ${i}.`), `n${i}.txt`, {
        ...(i % 2 === 0 ? { competitorId: acme.id } : {}),
      });
      ids.push(doc.id);
    }
    const all = await t.allPages<{ id: string }>(owner, '/api/v1/documents?limit=2');
    expect(all.map((d) => d.id)).toEqual([...ids].reverse());
    const ofAcme = (await call(owner, 'GET', `/api/v1/documents?competitorId=${acme.id}`)).json();
    expect(ofAcme.items.map((d: { id: string }) => d.id)).toEqual([ids[4], ids[2], ids[0]]);
    await t.db().update(document).set({ status: 'failed' }).where(eq(document.id, ids[1]!));
    const failed = (await call(owner, 'GET', '/api/v1/documents?status=failed')).json();
    expect(failed.items.map((d: { id: string }) => d.id)).toEqual([ids[1]]);
    const usage = (await call(owner, 'GET', '/api/v1/documents/usage')).json();
    expect(usage).toMatchObject({ documents: 5, quotaBytes: t.config.storageQuotaBytes });
    expect(usage.usedBytes).toBe(5 * 'Note number 0.'.length);
  });

  it('downloads the stored bytes with RFC 6266 headers, nosniff and the stored media type', async () => {
    const owner = await registerOwner(t.app);
    const html = Buffer.from('<html><body><p>Zürich office</p></body></html>');
    const created = await uploaded(owner, html, 'Büro "Zürich".html');
    expect(created.originalName).toBe('Büro Zürich.html');
    const res = await call(owner, 'GET', `/api/v1/documents/${created.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(html)).toBe(true);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="B_ro Z_rich.html"; filename*=UTF-8''B%C3%BCro%20Z%C3%BCrich.html`,
    );
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('another workspace gets 404 everywhere; viewers read but cannot upload or delete', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const created = await uploaded(owner, Buffer.from('Private intel.'), 'p.txt');
    const stranger = await registerOwner(t.app);
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/download'],
      ['DELETE', ''],
      ['PATCH', ''],
    ] as const) {
      const res = await call(
        stranger,
        method,
        `/api/v1/documents/${created.id}${suffix}`,
        method === 'PATCH' ? { title: 'Mine' } : undefined,
      );
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
      expect(res.json().error.code).toBe('document_not_found');
    }
    expect((await call(stranger, 'GET', '/api/v1/documents')).json().items).toEqual([]);
    const rivalOfStranger = await insertCompetitor(t.services, stranger.auth.workspace.id);
    const foreignLink = await uploadAs(t.app, owner, Buffer.from('x y z'), {
      name: 'x.txt',
      fields: { competitorId: rivalOfStranger.id },
    });
    expect(foreignLink.statusCode).toBe(404);
    expect(foreignLink.json().error.code).toBe('competitor_not_found');
    expect((await call(viewer, 'GET', `/api/v1/documents/${created.id}`)).statusCode).toBe(200);
    expect((await uploadAs(t.app, viewer, Buffer.from('v'), { name: 'v.txt' })).statusCode).toBe(
      403,
    );
    expect((await call(viewer, 'DELETE', `/api/v1/documents/${created.id}`)).statusCode).toBe(403);
  });

  it('deleting removes the bytes and the evidence; citing claims lose the citation and turn stale', async () => {
    const owner = await registerOwner(t.app);
    const ws = owner.auth.workspace.id;
    const rival = await insertCompetitor(t.services, ws);
    const cited = await uploaded(owner, Buffer.from('Pricing is $10 per agent.'), 'c.txt', {
      competitorId: rival.id,
    });
    const kept = await uploaded(owner, Buffer.from('Support is slow on weekends.'), 'k.txt', {
      competitorId: rival.id,
    });
    const citedDoc = await settled(owner, cited.id);
    const keptDoc = await settled(owner, kept.id);
    const card = await insertBattlecard(t.services, { workspaceId: ws, competitorId: rival.id });
    const claimRow = await insertClaim(t.services, {
      workspaceId: ws,
      battlecardId: card.id,
      position: 0,
      text: 'They price per agent.',
      citations: [{ evidenceId: citedDoc.evidenceId!, quote: '$10 per agent' }],
    });
    expect((await call(owner, 'GET', `/api/v1/documents/${cited.id}`)).json().citedBy).toBe(1);
    const res = await call(owner, 'DELETE', `/api/v1/documents/${cited.id}`);
    expect(res.statusCode).toBe(204);
    expect(await t.db().select().from(document).where(eq(document.id, cited.id))).toEqual([]);
    expect(await evidenceOf(cited.id)).toEqual([]);
    const card2 = (await call(owner, 'GET', `/api/v1/battlecards/${card.id}`)).json();
    const after = card2.sections
      .flatMap((s: { claims: unknown[] }) => s.claims)
      .find((c: { id: string }) => c.id === claimRow.id);
    expect(after).toMatchObject({ stale: true, citations: [] });

    // keepEvidence: the file goes, the evidence stays (no longer linked).
    const keep = await call(owner, 'DELETE', `/api/v1/documents/${kept.id}?keepEvidence=true`);
    expect(keep.statusCode).toBe(204);
    const [still] = await t
      .db()
      .select()
      .from(evidence)
      .where(eq(evidence.id, keptDoc.evidenceId!));
    expect(still).toMatchObject({ documentId: null, content: 'Support is slow on weekends.' });
    expect(await t.recordedEvent('document.deleted', cited.id)).toBeDefined();
  });
});
