/* eslint-disable no-console -- a command-line report */
import { FACT_CATEGORIES } from '../contracts';
import { loadSplits } from './corpus';
import { MATCHING_RULE, type Scores, type Tally, evaluate, precision, recall } from './evaluate';

/**
 * `npm run eval [-- --verbose]`: recall and precision of the local engine, reported per split —
 * the own corpus (the target applies to it) and each held-out batch, never tuned on.
 */

const pct = (n: number) => `${(n * 100).toFixed(1).padStart(5)}%`;
const row = (label: string, t: Tally) =>
  `${label.padEnd(14)} ${String(t.keyFacts).padStart(5)} ${pct(recall(t))}   ${String(t.extracted).padStart(5)} ${pct(precision(t))}`;

function table(title: string, scores: Scores): string {
  const lines = [
    title,
    `${'category'.padEnd(14)} ${'key'.padStart(5)} recall   ${'found'.padStart(5)} precision`,
  ];
  for (const c of FACT_CATEGORIES) lines.push(row(c, scores.byCategory[c]));
  lines.push(row('OVERALL', scores.overall));
  return lines.join('\n');
}

const started = performance.now();
const verbose = process.argv.includes('--verbose');
console.log(`Matching rule: ${MATCHING_RULE}`);
const summary: string[] = [];
let met = false;
for (const [index, split] of loadSplits().entries()) {
  const report = evaluate(split.competitors);
  console.log(`\n════ ${split.name.toUpperCase()} ════\n`);
  console.log(table('content_analysis (per document)', report.contentAnalysis));
  console.log('');
  console.log(table('competitive_intelligence (per competitor profile)', report.profile));
  console.log('\nper competitor              content_analysis R / P    profile R / P');
  for (const c of report.perCompetitor) {
    console.log(
      `${(c.slug + (c.heldOut ? ' (held out)' : '')).padEnd(28)}${pct(recall(c.contentAnalysis))} / ${pct(precision(c.contentAnalysis))}    ${pct(recall(c.profile))} / ${pct(precision(c.profile))}`,
    );
  }
  if (verbose) {
    console.log('\nmissed key facts:');
    for (const m of report.misses) console.log(`  ${m.slug}/${m.file} ${m.category}: ${m.terms}`);
    console.log('\nfacts no key fact accepts:');
    for (const f of report.falsePositives)
      console.log(`  ${f.slug}/${f.file} ${f.category}: ${f.value}`);
  }
  const ca = report.contentAnalysis.overall;
  const pr = report.profile.overall;
  summary.push(
    `${split.name.padEnd(26)} content_analysis R ${pct(recall(ca))} P ${pct(precision(ca))}   profile R ${pct(recall(pr))} P ${pct(precision(pr))}`,
  );
  if (index === 0) met = recall(ca) >= 0.85 && precision(ca) >= 0.7;
}
console.log(`\n════ SUMMARY ════\n${summary.join('\n')}`);
console.log(
  `\ntargets on the own corpus (recall ≥ 85%, precision ≥ 70%, content_analysis overall): ${met ? 'MET' : 'MISSED'}`,
);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
