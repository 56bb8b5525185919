import { randomUUID } from 'node:crypto';
import { SECTION_KEYS, SECTION_TITLES, type Section } from '../../common/battlecards';
import type { ExportFormat } from '../../common/export-formats';
import { renderDocx } from '../../server/modules/exports/export-docx';
import { renderMarkdown } from '../../server/modules/exports/export-markdown';
import { buildExportDocument, type ExportSource } from '../../server/modules/exports/export-model';
import { renderPdf } from '../../server/modules/exports/export-pdf';
import { pdfFonts } from '../../server/modules/exports/pdf-fonts';
import type { ResultRow, Scenario } from '../lib/scenario';

/**
 * Export time for a 60-claim card in each format, in the bench process, one export at a time:
 * the layout model built from the card as the API reads it, then the file rendered. The
 * baseline is JSON.stringify of the same card (what GET /battlecards/:id costs on a cache
 * miss). Database reads are left out: they are the same cached card read `core` measures.
 */

const SENTENCES = [
  'Their onboarding takes six to eight weeks for teams above fifty agents.',
  'Customers in München, Zürich, São Paulo and 東京 report slow SLA reporting.',
  'SSO and audit logs are only on the Enterprise plan, at $149 per agent per month.',
  'An analyst we spoke to sees them on most mid-market shortlists.',
  'Their AI add-on is billed per resolution on top of the seat price.',
];

/** A realistic 60-claim card: six claims per section, objections with responses, citations. */
export function sixtyClaimCard(): ExportSource {
  const evidence = Array.from({ length: 12 }, (_, i) => ({
    evidenceId: randomUUID(),
    title: `Source ${i + 1}: win interview, pricing page or analyst note`,
    url: i % 3 === 0 ? null : `https://rival.example/evidence/${i + 1}`,
    capturedAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
  }));
  let n = 0;
  const sections: Section[] = SECTION_KEYS.map((key) => ({
    key,
    title: SECTION_TITLES[key],
    claims: Array.from({ length: 6 }, () => {
      n++;
      const text = Array.from(
        { length: 1 + (n % 4) },
        (_, j) => SENTENCES[(n + j) % SENTENCES.length],
      ).join(' ');
      const source = evidence[n % evidence.length]!;
      return {
        id: randomUUID(),
        text,
        ...(key === 'objections'
          ? { response: `${SENTENCES[(n + 2) % 5]} ${SENTENCES[(n + 3) % 5]}` }
          : {}),
        audience: n % 3 === 0 ? 'internal' : 'shareable',
        confidence: 0.8,
        stale: n % 11 === 0,
        staleReason: n % 11 === 0 ? 'The cited page changed' : null,
        verifiedBy: null,
        verifiedAt: null,
        citations: [{ ...source, quote: SENTENCES[n % SENTENCES.length]!.slice(0, 40) }],
      };
    }),
  }));
  return {
    title: 'Rival battlecard — Mid-market',
    competitor: 'Rival',
    segment: 'Mid-market',
    sections,
    versionLabel: 'Version 3',
    version: 3,
    publishedAt: new Date(),
  };
}

const RENDER: Record<ExportFormat, (source: ExportSource) => unknown> = {
  pdf: (source) => renderPdf(buildExportDocument(source, 'all')),
  docx: (source) => renderDocx(buildExportDocument(source, 'all')),
  md: (source) => renderMarkdown(buildExportDocument(source, 'all')),
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Runs `work` for `seconds` (at least `minRuns` times) after a warm-up; latencies in ms. */
async function time(work: () => unknown, seconds: number, minRuns: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (samples.length < minRuns || performance.now() < end) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

function row(target: string, samples: number[], baseline = false): ResultRow {
  const total = samples.reduce((a, b) => a + b, 0);
  const mean = total / samples.length;
  return {
    target,
    connections: 1,
    baseline,
    reqPerSec: 1000 / mean,
    latencyP50Ms: percentile(samples, 0.5),
    latencyP99Ms: percentile(samples, 0.99),
    latencyMeanMs: mean,
    inFlight: 1,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    responses: samples.length,
    statusCodes: { '200': samples.length },
    measuredSeconds: total / 1000,
    warmupProblems: { timeouts: 0, errors: 0, non2xx: 0 },
  };
}

export const exportScenario: Scenario = {
  name: 'export',
  description: 'battlecard export (60 claims): PDF, DOCX, Markdown vs JSON.stringify',
  async run(context) {
    const source = sixtyClaimCard();
    const notes = [`PDF font: ${pdfFonts().name}; one export at a time, in the bench process`];
    const rows: ResultRow[] = [];
    const seconds = Math.max(2, context.duration / 2);
    context.log('  baseline: JSON.stringify of the card');
    const baseline = await time(() => JSON.stringify(source), seconds, 50);
    rows.push(row('baseline JSON.stringify(card)', baseline, true));
    for (const format of ['md', 'docx', 'pdf'] as const) {
      context.log(`  export ${format}`);
      const samples = await time(() => RENDER[format](source), seconds, 20);
      rows.push(row(`export ${format}`, samples));
      notes.push(
        `${format}: p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms over ${samples.length} exports`,
      );
    }
    return { rows, notes };
  },
};
