import { type CorpusCompetitor, loadCorpus } from '../../server/modules/ai/eval/corpus';
import type { EvidenceFact } from '../../server/modules/ai/contracts';
import { buildProfile } from '../../server/modules/ai/local/competitive-intelligence';
import { analyzeContent } from '../../server/modules/ai/local/content-analysis';
import { splitSentencesOnly } from '../../server/modules/ai/local/nlp';
import { cpuSnapshot, othersCpuPercent } from '../lib/cpu';
import { waitForQuiet } from '../lib/quiet';
import type { ResultRow, Scenario, ScenarioContext } from '../lib/scenario';
import { serverGroups } from '../lib/server-process';

/**
 * Profile extraction throughput of the local engine, in process: content_analysis over every
 * corpus document, and content_analysis + competitive_intelligence per competitor, against
 * plain wink-nlp sentence splitting of the same text in the same run (the yardstick: the
 * least any NLP over this text costs).
 *
 * The table's "req/s" column is kB of text per second here; p50/p99 are per unit of work
 * (a document, or a competitor's five documents and their profile).
 */

interface Unit {
  bytes: number;
  run: () => void;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function profileOf(competitor: CorpusCompetitor): void {
  const facts: EvidenceFact[] = [];
  for (const d of competitor.documents) {
    const { facts: found } = analyzeContent({ text: d.text, title: d.title, kind: d.kind });
    for (const fact of found) {
      facts.push({
        evidenceId: d.id,
        evidenceKind: d.kind,
        evidenceTitle: d.title,
        capturedAt: d.capturedAt,
        publishedAt: d.publishedAt,
        fact,
      });
    }
  }
  buildProfile({
    competitor: { name: competitor.name, website: competitor.website, summary: '' },
    facts,
  });
}

/** Runs the units round-robin for `seconds` (after a warm-up) and reports kB/s. */
async function measureUnits(
  context: ScenarioContext,
  target: string,
  units: Unit[],
  baseline = false,
): Promise<ResultRow> {
  await waitForQuiet(context.quietWait, (message) => context.log(message));
  const spin = (seconds: number, record: (ms: number, bytes: number) => void) => {
    const until = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < until; i++) {
      const unit = units[i % units.length]!;
      const started = performance.now();
      unit.run();
      record(performance.now() - started, unit.bytes);
    }
  };
  spin(context.warmup, () => {});
  const latencies: number[] = [];
  let bytes = 0;
  const cpuBefore = cpuSnapshot(serverGroups());
  const started = performance.now();
  spin(context.duration, (ms, b) => {
    latencies.push(ms);
    bytes += b;
  });
  const seconds = (performance.now() - started) / 1000;
  const othersCpu = othersCpuPercent(cpuBefore, cpuSnapshot(serverGroups()));
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  context.log(`  ${target}: ${(bytes / 1024 / seconds).toFixed(0)} kB/s`);
  return {
    target,
    connections: 1,
    baseline,
    reqPerSec: bytes / 1024 / seconds,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencyMeanMs: mean,
    inFlight: 1,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    responses: latencies.length,
    statusCodes: {},
    measuredSeconds: seconds,
    warmupProblems: { timeouts: 0, errors: 0, non2xx: 0 },
    ...(othersCpu === undefined ? {} : { othersCpu }),
  };
}

export const extractionScenario: Scenario = {
  name: 'extraction',
  description: 'local NLP engine throughput (kB/s) vs plain wink-nlp sentence splitting',
  async run(context) {
    const corpus = loadCorpus();
    const documents = corpus.flatMap((c) => c.documents);
    const size = (text: string) => Buffer.byteLength(text, 'utf8');
    const total = documents.reduce((n, d) => n + size(d.text), 0);
    context.log(`  corpus: ${documents.length} documents, ${(total / 1024).toFixed(0)} kB`);
    splitSentencesOnly('Load the model before measuring.');
    const rows = [
      await measureUnits(
        context,
        'wink sentences (kB/s)',
        documents.map((d) => ({ bytes: size(d.text), run: () => splitSentencesOnly(d.text) })),
        true,
      ),
      await measureUnits(
        context,
        'content_analysis (kB/s)',
        documents.map((d) => ({
          bytes: size(d.text),
          run: () => analyzeContent({ text: d.text, title: d.title, kind: d.kind }),
        })),
      ),
      await measureUnits(
        context,
        'analysis+profile (kB/s)',
        corpus.map((c) => ({
          bytes: c.documents.reduce((n, d) => n + size(d.text), 0),
          run: () => profileOf(c),
        })),
      ),
    ];
    return {
      rows,
      notes: [
        'in process, one core; "req/s" = kB of text per second; p50/p99 = ms per document (per competitor for analysis+profile)',
        `corpus: ${documents.length} documents of server/modules/ai/eval/corpus, ${(total / 1024).toFixed(0)} kB`,
      ],
    };
  },
};
