import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { document, documentBlob, evidence, jobRun } from '../../db/schema';
import { insertCompetitor } from '../../test/core-factories';
import { type Account, registerOwner } from '../../test/factories';
import { fieldsOf, useTestApp } from '../../test/test-app';
import { sanitizeFileName } from './file-name';
import {
  DOCX_SKELETON,
  makeDocx,
  makePdf,
  makeZip,
  multipartBody,
  uploadAs,
} from './documents.test-support';

// A temp folder of this file's own while it runs, set before the app is built: uploads must
// leave nothing in it, and files other processes put in /tmp (a browser, other test runs)
// cannot show up in the check.
const ownTmp = mkdtempSync(path.join(os.tmpdir(), 'ringside-uploads-tmp-'));
const previousTmp = process.env.TMPDIR;
process.env.TMPDIR = ownTmp;
afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(ownTmp, { recursive: true, force: true });
});

// A 1 MB quota (the smallest allowed) so the quota is reachable; uploads stay at 10 MB.
const t = useTestApp({
  jobs: { work: false, supervise: false },
  env: { STORAGE_QUOTA_BYTES: String(1_048_576) },
});

const MB = 1_048_576;
const tmpEntries = async () => new Set(await readdir(ownTmp));

/** What a workspace has stored: rows, bytes, jobs, evidence, and temp files. */
async function stored(who: Account) {
  const ws = who.auth.workspace.id;
  const db = t.db();
  const [docs] = await db.select({ n: count() }).from(document).where(eq(document.workspaceId, ws));
  const [blobs] = await db.select({ n: count() }).from(documentBlob);
  const [items] = await db
    .select({ n: count() })
    .from(evidence)
    .where(eq(evidence.workspaceId, ws));
  const [jobs] = await db.select({ n: count() }).from(jobRun).where(eq(jobRun.workspaceId, ws));
  return {
    docs: docs!.n,
    blobs: blobs!.n,
    items: items!.n,
    jobs: jobs!.n,
    tmp: [...(await tmpEntries())].sort(),
  };
}

/** The server still serves a following, valid upload (then removes it again). */
async function expectHealthy(who: Account) {
  const res = await uploadAs(t.app, who, Buffer.from(`Still fine ${Math.random()}`), {
    name: 'ok.txt',
  });
  expect(res.statusCode, res.body).toBe(201);
  await t.call(who, 'DELETE', `/api/v1/documents/${res.json<{ id: string }>().id}`);
}

const elf = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(56),
  Buffer.from('payload'),
]);
const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0])]);
const withPe = Buffer.concat([pe, Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

async function hostileCases(): Promise<
  { what: string; bytes: Buffer; name: string; status: number; code: string }[]
> {
  const pdf = await makePdf(['A perfectly normal datasheet about pricing.']);
  const encrypted = Buffer.from(
    pdf.toString('latin1').replace('trailer\n<<', 'trailer\n<<\n/Encrypt 9 0 R'),
    'latin1',
  );
  const docx = await makeDocx('Notes', ['Hello']);
  const zeros = Buffer.alloc(80 * MB);
  return [
    {
      what: 'renamed ELF',
      bytes: elf,
      name: 'report.pdf',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'renamed PE',
      bytes: withPe,
      name: 'datasheet.pdf',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'PE without a name',
      bytes: withPe,
      name: 'setup',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'HTML named .pdf',
      bytes: Buffer.from('<!DOCTYPE html><html><body>Not a PDF</body></html>'),
      name: 'report.pdf',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'PDF named .docx',
      bytes: pdf,
      name: 'notes.docx',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'DOCX named .txt',
      bytes: docx,
      name: 'notes.txt',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'truncated PDF',
      bytes: pdf.subarray(0, Math.floor(pdf.length * 0.6)),
      name: 'cut.pdf',
      status: 422,
      code: 'document_malformed',
    },
    {
      what: 'encrypted PDF',
      bytes: encrypted,
      name: 'secret.pdf',
      status: 422,
      code: 'document_encrypted',
    },
    {
      what: 'truncated DOCX',
      bytes: docx.subarray(0, Math.floor(docx.length * 0.7)),
      name: 'cut.docx',
      status: 422,
      code: 'document_malformed',
    },
    {
      what: 'ZIP bomb: many parts',
      bytes: makeZip([
        ...DOCX_SKELETON,
        ...Array.from({ length: 2_500 }, (_, i) => ({
          name: `word/media/p${i}.xml`,
          data: Buffer.from('x'),
        })),
      ]),
      name: 'many.docx',
      status: 422,
      code: 'archive_limits_exceeded',
    },
    {
      what: 'ZIP bomb: 80 MB of zeros, declared',
      bytes: makeZip([...DOCX_SKELETON, { name: 'word/media/zeros.bin', data: zeros }]),
      name: 'bomb.docx',
      status: 422,
      code: 'archive_limits_exceeded',
    },
    {
      what: 'ZIP bomb: 80 MB of zeros declared as 1 kB',
      bytes: makeZip([
        ...DOCX_SKELETON,
        { name: 'word/media/zeros.bin', data: zeros, declaredSize: 1_000 },
      ]),
      name: 'liar.docx',
      status: 422,
      code: 'archive_limits_exceeded',
    },
    {
      what: 'encrypted DOCX part',
      bytes: (() => {
        const zip = makeZip(DOCX_SKELETON);
        const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        zip.writeUInt16LE(1, central + 8);
        return zip;
      })(),
      name: 'locked.docx',
      status: 422,
      code: 'document_encrypted',
    },
    {
      what: 'a spreadsheet archive',
      bytes: makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      ]),
      name: 'sheet.docx',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: 'Latin-1 text with a NUL',
      bytes: Buffer.from([0x48, 0x69, 0x00, 0xe9]),
      name: 'x.txt',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      what: '11 MB file',
      bytes: Buffer.alloc(11 * MB, 'a'),
      name: 'big.txt',
      status: 413,
      code: 'file_too_large',
    },
    {
      what: 'empty file',
      bytes: Buffer.alloc(0),
      name: 'empty.pdf',
      status: 400,
      code: 'empty_file',
    },
  ];
}

describe('hostile uploads', () => {
  it('each gets its documented 4xx, nothing is stored, and the server stays healthy', async () => {
    const owner = await registerOwner(t.app);
    for (const c of await hostileCases()) {
      const before = await stored(owner);
      const started = performance.now();
      const res = await uploadAs(t.app, owner, c.bytes, { name: c.name });
      expect(res.statusCode, `${c.what}: ${res.body}`).toBe(c.status);
      expect(res.json().error.code, c.what).toBe(c.code);
      expect(performance.now() - started, c.what).toBeLessThan(10_000);
      expect(await stored(owner), c.what).toEqual(before);
      await expectHealthy(owner);
    }
  });

  it('refuses a request that is not multipart, has no file, or has bad fields', async () => {
    const owner = await registerOwner(t.app);
    const before = await stored(owner);
    const json = await t.call(owner, 'POST', '/api/v1/documents', { file: 'hello' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');

    const boundary = 'b0undary';
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHi\r\n--${boundary}--\r\n`,
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('file_missing');

    const badFields = await uploadAs(t.app, owner, Buffer.from('text'), {
      name: 'a.txt',
      fields: { competitorId: 'not-a-uuid', title: '<b>x</b>' },
    });
    expect(badFields.statusCode).toBe(400);
    expect(fieldsOf(badFields).sort()).toEqual(['body.competitorId', 'body.title']);
    const unknownField = await uploadAs(t.app, owner, Buffer.from('text'), {
      name: 'a.txt',
      fields: { owner: 'me' },
    });
    expect(fieldsOf(unknownField)).toEqual(['body.owner']);
    expect(await stored(owner)).toEqual(before);
    await expectHealthy(owner);
  });

  it('keeps a hostile file name only as sanitized metadata; the stored name is our own', async () => {
    const owner = await registerOwner(t.app);
    const name = '../../etc/"pass\r\nwd"\u0007\u202e.txt';
    const res = await uploadAs(t.app, owner, Buffer.from('Name test.'), { name });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; originalName: string; title: string }>();
    expect(created.originalName).toBe('passwd.txt');
    expect(created.originalName).toBe(sanitizeFileName(name));
    const [row] = await t.db().select().from(document).where(eq(document.id, created.id));
    expect(row!.storedName).toBe(`${created.id}.txt`);
    const download = await t.call(owner, 'GET', `/api/v1/documents/${created.id}/download`);
    const disposition = download.headers['content-disposition'] as string;
    expect(disposition).toBe(`attachment; filename="passwd.txt"; filename*=UTF-8''passwd.txt`);
    expect(sanitizeFileName('C:\\Users\\me\\..\\"evil".pdf')).toBe('evil.pdf');
    expect(sanitizeFileName('\r\n')).toBe('document');
    expect(sanitizeFileName('...hidden')).toBe('hidden');
  });

  it('refuses an upload past the workspace quota with 413, and accepts one that fits', async () => {
    const owner = await registerOwner(t.app);
    const first = await uploadAs(t.app, owner, Buffer.alloc(600_000, 'a'), { name: 'a.txt' });
    expect(first.statusCode).toBe(201);
    const before = await stored(owner);
    const second = await uploadAs(t.app, owner, Buffer.alloc(600_000, 'b'), { name: 'b.txt' });
    expect(second.statusCode).toBe(413);
    expect(second.json().error).toMatchObject({
      code: 'storage_quota_exceeded',
      details: { usedBytes: 600_000, quotaBytes: MB, fileBytes: 600_000 },
    });
    const [docs] = await t
      .db()
      .select({ n: count() })
      .from(document)
      .where(eq(document.workspaceId, owner.auth.workspace.id));
    expect(docs!.n).toBe(1);
    expect(await stored(owner)).toEqual(before);
    // Another workspace has its own quota.
    const other = await registerOwner(t.app);
    expect(
      (await uploadAs(t.app, other, Buffer.alloc(600_000, 'b'), { name: 'b.txt' })).statusCode,
    ).toBe(201);
    await t.call(owner, 'DELETE', `/api/v1/documents/${first.json<{ id: string }>().id}`);
    expect(
      (await uploadAs(t.app, owner, Buffer.alloc(600_000, 'b'), { name: 'b.txt' })).statusCode,
    ).toBe(201);
  });

  it('over a real socket, an 11 MB upload is answered 413 (not a reset connection)', async () => {
    const owner = await registerOwner(t.app);
    const rival = await insertCompetitor(t.services, owner.auth.workspace.id);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const body = multipartBody(Buffer.alloc(11 * MB, 'z'), {
      name: 'big.txt',
      fields: { competitorId: rival.id },
    });
    const res = await fetch(`${address}/api/v1/documents`, {
      method: 'POST',
      headers: { ...owner.headers, ...body.headers },
      body: body.payload,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('file_too_large');
  });
});
