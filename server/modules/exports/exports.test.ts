import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { competitor } from '../../db/schema';
import { useTestApp } from '../../test/test-app';
import {
  asMember,
  expectStatus,
  insertClaimOn,
  withCard,
} from '../battlecards/battlecards.test-support';
import {
  CITED_QUOTE,
  docxHtml,
  docxText,
  exportCard,
  fileOf,
  pdfText,
  popplerText,
  squash,
} from './exports.test-support';
import { pdfFonts } from './pdf-fonts';

const t = useTestApp();

describe('GET /battlecards/:id/export/pdf', () => {
  it('reads back (unpdf) with every claim, the response, the marking and the numbered sources', async () => {
    const w = await exportCard(t);
    const res = await w.as('GET', `${w.url}/export/pdf`);
    const bytes = fileOf(res);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    const flat = squash(text);
    for (const claim of [...w.shareable, ...w.internal, w.objection.text, w.objection.response]) {
      expect(flat).toContain(squash(claim));
    }
    expect(flat).toContain('INTERNALONLY');
    expect(flat).toContain('STALE');
    expect(flat).toContain(squash(w.rival.name));
    // Endnotes: numbered, with title, URL and capture date; claims carry their numbers.
    expect(flat).toContain('Sources');
    expect(flat).toContain(squash(`1.Acme pricing page`));
    expect(flat).toContain(squash(`2.${w.sourceTitle}`));
    expect(flat).toContain('https://acme.example/pricing');
    expect(flat).toContain(squash(`“${CITED_QUOTE}”`));
    expect(flat).toMatch(/Captured\d{1,2}[A-Z][a-z]{2}\d{4}/);
    expect(flat).toContain(squash(`${w.shareable[0]} [1]`));
    expect(flat).toContain('Page1of1');
  });

  it('reads back the same with pdftotext (poppler), when installed', async (ctx) => {
    const w = await exportCard(t);
    const text = popplerText(fileOf(await w.as('GET', `${w.url}/export/pdf`)));
    if (text === undefined) ctx.skip();
    const flat = squash(text!);
    for (const claim of [...w.shareable, ...w.internal, w.objection.text, w.objection.response]) {
      expect(flat).toContain(squash(claim));
    }
    expect(flat).toContain(squash(`2.${w.sourceTitle}`));
  });

  it('flows a 60-claim card with very long claims over numbered pages, losing nothing', async () => {
    const w = await withCard(t);
    const claims: string[] = [];
    const sections = ['overview', 'strengths', 'weaknesses', 'objections', 'pricing'] as const;
    for (let i = 0; i < 60; i++) {
      const section = sections[i % sections.length]!;
      // Every fifth claim is near the 2,000-character limit; one is a single unbroken token.
      const long = i % 5 === 0 ? ` ${'Their onboarding takes weeks, not days. '.repeat(45)}` : '';
      const token = i === 7 ? ` ${'x'.repeat(300)}` : '';
      const text = `Claim ${i} marker-${i}-end about ${section}.${long}${token}`;
      claims.push(text);
      await insertClaimOn(t, w, {
        section,
        position: i,
        text,
        audience: i % 2 ? 'internal' : 'shareable',
        ...(section === 'objections'
          ? {
              response: `Response ${i}: ${'We answer this with proof from three customers. '.repeat(i % 10 === 3 ? 40 : 2)}`,
            }
          : {}),
      });
    }
    const { pages, text } = await pdfText(fileOf(await w.as('GET', `${w.url}/export/pdf`)));
    expect(pages).toBeGreaterThan(3);
    const flat = squash(text);
    for (let p = 1; p <= pages; p++) expect(flat).toContain(`Page${p}of${pages}`);
    // A claim that runs over a page break is read with the page's footer in the middle.
    const body = flat.replaceAll(
      new RegExp(`${squash(w.rival.name)}·General·InternalPage\\d+of\\d+`, 'g'),
      '',
    );
    for (const claim of claims) expect(body).toContain(squash(claim));
    // The objection table's header row repeats on each page it reaches.
    expect(flat.split('OURRESPONSE').length - 1).toBeGreaterThan(1);
  });

  it('renders München, Zürich, São Paulo and 東京 (in the name and the claims)', async () => {
    const w = await exportCard(t);
    const name = 'Zürich Datenwerk 東京';
    await t
      .db()
      .update(competitor)
      .set({ name, nameKey: name.toLowerCase() })
      .where(eq(competitor.id, w.rival.id));
    const res = await w.as('GET', `${w.url}/export/pdf`);
    const flat = squash((await pdfText(fileOf(res))).text);
    expect(flat).toContain(squash(name));
    for (const word of ['München', 'Zürich', 'SãoPaulo', '東京']) expect(flat).toContain(word);
    expect(pdfFonts().coversCjk).toBe(true);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Zürich-Datenwerk-東京-battlecard-draft.pdf')}`,
    );
  });
});

describe('GET /battlecards/:id/export/docx', () => {
  it('reads back (mammoth) with real headings, bullets, the objection table and sources', async () => {
    const w = await exportCard(t);
    const res = await w.as('GET', `${w.url}/export/docx`);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const bytes = fileOf(res);
    const html = await docxHtml(bytes);
    expect(html).toContain('<h1>Overview</h1>');
    expect(html).toContain('<h1>Objection handling</h1>');
    expect(html).toContain('<h1>Sources</h1>');
    expect(html).toMatch(/<ul><li>.*Acme is a suite/);
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(table).toContain('Objection');
    expect(table).toContain('Our response');
    expect(table).toContain(w.objection.text);
    expect(table).toContain(w.objection.response);
    const text = await docxText(bytes);
    for (const claim of [...w.shareable, ...w.internal]) expect(text).toContain(claim);
    expect(text).toContain('INTERNAL ONLY');
    expect(text).toContain(w.sourceTitle);
    for (const word of ['München', 'Zürich', 'São Paulo', '東京']) expect(text).toContain(word);
  });
});

describe('GET /battlecards/:id/export/md', () => {
  it('holds every shareable claim and no internal one with audience=shareable', async () => {
    const w = await exportCard(t);
    const res = await w.as('GET', `${w.url}/export/md?audience=shareable`);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const md = res.body;
    for (const claim of w.shareable)
      expect(md).toContain(claim.replace(/[*_[\]|<>~`\\]/g, (c) => `\\${c}`));
    for (const claim of w.internal) expect(md).not.toContain(claim.slice(0, 30));
    expect(md).not.toContain('Internal only');
    expect(md).toContain('**Shareable**');
    expect(md).toContain(`| ${w.objection.text} [1] | ${w.objection.response} |`);
    expect(md).toContain('[1]: <https://acme.example/pricing>');
    // Sources are named, not quoted: the evidence behind a shareable claim may be internal.
    expect(md).toMatch(
      /^1\. \[Acme pricing page\]\(<https:\/\/acme\.example\/pricing>\) — captured \d+ \w{3} \d{4}$/m,
    );
    expect(md).not.toContain(CITED_QUOTE);
    for (const word of ['München', 'Zürich', 'São Paulo', '東京']) expect(md).toContain(word);
    expect(res.headers['content-disposition']).toMatch(/-shareable\.md"/);
  });

  it('marks internal claims by default, and the file as Internal', async () => {
    const w = await exportCard(t);
    const md = (await w.as('GET', `${w.url}/export/md`)).body;
    expect(md).toContain(`- **Internal only** — ${w.internal[0]}`);
    expect(md).toContain('> **Internal**');
    expect(md).toContain('_Stale: The cited note was updated_');
  });

  it('escapes markdown in user text', async () => {
    const w = await withCard(t);
    await insertClaimOn(t, w, {
      section: 'strengths',
      text: '# Big *bold* [link](http://x) | a_b `code` <b>',
    });
    const md = (await w.as('GET', `${w.url}/export/md`)).body;
    expect(md).toContain(
      '- **Internal only** — \\# Big \\*bold\\* \\[link\\](http://x) \\| a\\_b \\`code\\` \\<b\\>',
    );
  });
});

describe('versions', () => {
  it('exports ?version=N as published, the default as the caller reads it', async () => {
    const w = await withCard(t);
    const claim = await insertClaimOn(t, w, {
      section: 'overview',
      audience: 'shareable',
      text: 'First wording',
    });
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    expectStatus(
      await w.as('PATCH', `${w.url}/claims/${claim.id}`, { text: 'Second wording' }),
      200,
    );
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    expectStatus(
      await w.as('PATCH', `${w.url}/claims/${claim.id}`, { text: 'Draft wording' }),
      200,
    );

    const v1 = await w.as('GET', `${w.url}/export/md?version=1`);
    expect(v1.body).toContain('First wording');
    expect(v1.body).toContain('Version 1 · published');
    expect(v1.headers['content-disposition']).toMatch(/battlecard-v1\.md"/);
    const pdf = squash(
      (await pdfText(fileOf(await w.as('GET', `${w.url}/export/pdf?version=2`)))).text,
    );
    expect(pdf).toContain('Secondwording');
    expect(pdf).not.toContain('Draftwording');

    // Editors read the working copy; viewers the published version.
    const editor = (await w.as('GET', `${w.url}/export/md`)).body;
    expect(editor).toContain('Draft wording');
    expect(editor).toContain('Draft (unpublished changes since version 2)');
    const viewer = await asMember(t, w, 'viewer');
    const seen = (await viewer('GET', `${w.url}/export/md`)).body;
    expect(seen).toContain('Second wording');
    expect(seen).not.toContain('Draft wording');
  });

  it('answers 4xx for a bad format, version or audience', async () => {
    const w = await exportCard(t);
    const code = async (url: string) => {
      const res = await w.as('GET', url);
      return [res.statusCode, res.json<{ error: { code: string } }>().error.code];
    };
    expect(await code(`${w.url}/export/exe`)).toEqual([400, 'validation_failed']);
    expect(await code(`${w.url}/export/pdf?version=0`)).toEqual([400, 'validation_failed']);
    expect(await code(`${w.url}/export/pdf?version=abc`)).toEqual([400, 'validation_failed']);
    expect(await code(`${w.url}/export/pdf?audience=everyone`)).toEqual([400, 'validation_failed']);
    expect(await code(`${w.url}/export/pdf?format=pdf`)).toEqual([400, 'validation_failed']);
    expect(await code(`${w.url}/export/pdf?version=3`)).toEqual([404, 'version_not_found']);
    expect(await code(`/api/v1/battlecards/not-a-uuid/export/pdf`)).toEqual([
      400,
      'validation_failed',
    ]);
  });
});

describe('access', () => {
  it('lets a viewer export, hides the card from another workspace and private cards from others', async () => {
    const w = await exportCard(t);
    expectStatus(await w.as('POST', `${w.url}/publish`, {}), 201);
    const viewer = await asMember(t, w, 'viewer');
    expectStatus(await viewer('GET', `${w.url}/export/pdf`), 200);

    const other = await withCard(t);
    const res = await other.as('GET', `${w.url}/export/pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('battlecard_not_found');

    const hidden = await withCard(t, { visibility: 'private' });
    const editor = await asMember(t, hidden, 'editor');
    const admin = await asMember(t, hidden, 'admin');
    expect((await editor('GET', `${hidden.url}/export/docx`)).statusCode).toBe(404);
    expect((await admin('GET', `${hidden.url}/export/docx`)).statusCode).toBe(200);
    expect((await hidden.as('GET', `${hidden.url}/export/md`)).statusCode).toBe(200);
  });

  it('records each export as an event with its format and audience', async () => {
    const w = await exportCard(t);
    expectStatus(await w.as('GET', `${w.url}/export/docx?audience=shareable`), 200);
    const recorded = await t.recordedEvent('battlecard.exported', w.cardId);
    expect(recorded).toMatchObject({
      workspaceId: w.workspaceId,
      actorId: w.owner.auth.user.id,
      entity: 'battlecard',
      data: { format: 'docx', audience: 'shareable', version: null, claimCount: 3 },
    });
  });
});

describe('file names', () => {
  it('cannot inject headers or paths through a competitor name', async () => {
    const w = await exportCard(t);
    const hostile = 'Evil"; filename="x.exe\r\nSet-Cookie: a=b\n../../etc/passwd\\ “Smart” München';
    await t
      .db()
      .update(competitor)
      .set({ name: hostile, nameKey: 'evil' })
      .where(eq(competitor.id, w.rival.id));
    for (const format of ['pdf', 'docx', 'md']) {
      const res = await w.as('GET', `${w.url}/export/${format}`);
      expectStatus(res, 200);
      expect(res.headers['set-cookie']).toBeUndefined();
      const header = String(res.headers['content-disposition']);
      expect(header).not.toMatch(/[\r\n]/);
      const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([^\s;"]+)$/.exec(header);
      expect(match, header).not.toBeNull();
      const [, ascii, encoded] = match!;
      expect(ascii).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(ascii).toBe(
        `Evil-filename-x.exe-Set-Cookie-a-b-..-..-etc-passwd-Smart-Munchen-battlecard-draft.${format}`,
      );
      const utf8 = decodeURIComponent(encoded!);
      expect(utf8).not.toMatch(/[/\\"\r\n]/);
      expect(utf8).toContain('München');
      expect(utf8.endsWith(`.${format}`)).toBe(true);
    }
  });
});
