import { createHash } from 'node:crypto';
import { makeDocx, makePdf } from '../../server/modules/documents/documents.test-support';
import { Extractor } from '../../server/modules/documents/extraction/extractor';
import { corpusParagraphs } from '../lib/document-corpus';
import type { ResultRow, Scenario } from '../lib/scenario';

/**
 * Text extraction throughput (MB/s of input) for PDF and DOCX, through the same worker-thread
 * Extractor the `documents.extract` job uses, against a baseline on the same bytes in the same
 * run: reading and hashing them (sha256), the least any upload pipeline does with a file.
 */
interface Measured {
  files: number;
  seconds: number;
  latencies: number[];
}

async function repeatFor(seconds: number, once: () => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const t0 = performance.now();
    await once();
    latencies.push(performance.now() - t0);
  }
  return { files: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function row(target: string, m: Measured, baseline = false): ResultRow {
  const sorted = [...m.latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const perSec = m.files / m.seconds;
  return {
    target,
    connections: 1,
    baseline,
    reqPerSec: perSec,
    latencyP50Ms: percentile(sorted, 50),
    latencyP99Ms: percentile(sorted, 99),
    latencyMeanMs: mean,
    inFlight: (perSec * mean) / 1000,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    responses: m.files,
    statusCodes: {},
    measuredSeconds: m.seconds,
    warmupProblems: { timeouts: 0, errors: 0, non2xx: 0 },
  };
}

const mb = (bytes: number) => bytes / 1_048_576;

export const documentsScenario: Scenario = {
  name: 'documents',
  description: 'Document text extraction throughput (MB/s) for PDF and DOCX vs read+sha256',
  async run(context) {
    const paragraphs = corpusParagraphs(600);
    context.log('documents: generating a 60-page PDF and a DOCX of the same text');
    const pages = Array.from({ length: 60 }, (_, i) =>
      paragraphs.slice(i * 10, i * 10 + 10).join('\n\n'),
    );
    const pdf = await makePdf(pages);
    const docx = await makeDocx('Competitor dossier', paragraphs);
    const extractor = new Extractor();
    const notes: string[] = [];
    try {
      // Start the worker and warm both readers before measuring.
      await extractor.extract('pdf', pdf);
      await extractor.extract('docx', docx);
      const rows: ResultRow[] = [];
      const files = [
        { format: 'pdf' as const, bytes: pdf },
        { format: 'docx' as const, bytes: docx },
      ];
      for (const file of files) {
        const label = `${file.format} ${mb(file.bytes.length).toFixed(2)} MB`;
        context.log(`documents: baseline (read + sha256) on the ${label}`);
        const base = await repeatFor(context.duration, () => {
          const copy = Buffer.from(file.bytes);
          return Promise.resolve(createHash('sha256').update(copy).digest('hex'));
        });
        context.log(`documents: extracting the ${label}`);
        let words = 0;
        const extract = await repeatFor(context.duration, async () => {
          words = (await extractor.extract(file.format, file.bytes)).wordCount;
        });
        const baseRow = row(`sha256 ${label}`, base, file.format === 'pdf');
        const extractRow = row(`extract ${label}`, extract);
        rows.push(baseRow, extractRow);
        const baseMbs = mb(file.bytes.length) * baseRow.reqPerSec;
        const extractMbs = mb(file.bytes.length) * extractRow.reqPerSec;
        notes.push(
          `${file.format}: extraction ${extractMbs.toFixed(2)} MB/s (${extractRow.reqPerSec.toFixed(1)} files/s, ${words} words each = ${Math.round(words * extractRow.reqPerSec).toLocaleString('en-US')} words/s, p99 ${extractRow.latencyP99Ms.toFixed(0)} ms) vs read+sha256 ${baseMbs.toFixed(0)} MB/s on the same bytes: ${(extractMbs / baseMbs).toFixed(4)}×`,
        );
      }
      notes.push(
        'req/s = files per second, one at a time through the extraction worker (1 "conn").',
      );
      return { rows, notes };
    } finally {
      await extractor.close();
    }
  },
};
