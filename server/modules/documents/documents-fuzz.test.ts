import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { registerOwner } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { makeDocx, makePdf, uploadAs } from './documents.test-support';
import { ExtractionError } from './extraction/extract-text';
import { Extractor } from './extraction/extractor';

const t = useTestApp({ jobs: { work: false, supervise: false } });
const extractor = new Extractor();
afterAll(() => extractor.close());

/** Each extraction's bound here; the worker is killed past it. */
const BOUND_MS = 15_000;

type Edit = { at: number; byte: number; op: 'set' | 'cut' | 'insert' | 'repeat' };

/** Applies byte-level damage: overwrite, truncate, insert, or repeat a slice. */
function mutate(base: Buffer, edits: Edit[]): Buffer {
  let bytes = Buffer.from(base);
  for (const edit of edits) {
    const at = edit.at % Math.max(1, bytes.length);
    if (edit.op === 'set') bytes[at] = edit.byte;
    else if (edit.op === 'cut') bytes = bytes.subarray(0, Math.max(1, at));
    else if (edit.op === 'insert') {
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([edit.byte]), bytes.subarray(at)]);
    } else {
      const slice = bytes.subarray(at, at + 64);
      bytes = Buffer.concat([bytes.subarray(0, at), slice, slice, bytes.subarray(at)]);
    }
  }
  return bytes;
}

describe('mutated PDF and DOCX bytes (fast-check)', () => {
  it('never answer 5xx, and every extraction ends within its bound', async () => {
    const owner = await registerOwner(t.app);
    const bases = {
      pdf: await makePdf(['Fuzz: Acme charges $49 per seat.', 'Second page with more text.']),
      docx: await makeDocx('Fuzz notes', ['Globex is strong in EMEA.', 'Weak API.']),
    };
    // Start the worker first: the bound is for reading a file, not for starting a thread.
    await extractor.extract('pdf', bases.pdf);
    const outcomes = new Map<string, number>();
    const tally = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'pdf' | 'docx'>('pdf', 'docx'),
        fc.array(
          fc.record({
            at: fc.nat(),
            byte: fc.integer({ min: 0, max: 255 }),
            op: fc.constantFrom<Edit['op']>('set', 'set', 'set', 'cut', 'insert', 'repeat'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (format, edits) => {
          const bytes = mutate(bases[format], edits);
          const res = await uploadAs(t.app, owner, bytes, { name: `fuzz.${format}` });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) {
            tally(`upload ${res.statusCode} ${res.json<{ error: { code: string } }>().error.code}`);
            return;
          }
          const doc = res.json<{ id: string; format: 'pdf' | 'docx' }>();
          const started = performance.now();
          try {
            await extractor.extract(doc.format, bytes, BOUND_MS);
            tally('extracted');
          } catch (err) {
            expect(err).toBeInstanceOf(ExtractionError);
            tally(`extraction failed: ${(err as ExtractionError).code}`);
          }
          const ms = performance.now() - started;
          slowest = Math.max(slowest, ms);
          expect(ms).toBeLessThan(BOUND_MS + 2_000);
          await t.call(owner, 'DELETE', `/api/v1/documents/${doc.id}`);
        },
      ),
      { numRuns: 320, seed: 20261127 },
    );
    // What the mutations did, for the record (the test passes on the assertions above).
    process.stderr.write(
      `fuzz outcomes ${JSON.stringify(Object.fromEntries(outcomes))}, slowest ${Math.round(slowest)} ms\n`,
    );
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(320);
    expect(outcomes.get('extracted')).toBeGreaterThan(0);
    // Server still fine afterwards.
    expect(
      (await uploadAs(t.app, owner, Buffer.from('after fuzz'), { name: 'a.txt' })).statusCode,
    ).toBe(201);
  }, 600_000);
});
