/* eslint-disable no-console -- a command-line report */
import { DEMO_COMPETITORS } from '../../demo/demo-content';
import type { CorpusCompetitor } from './corpus';
import { loadSplits } from './corpus';
import { writeBattlecard } from '../local/battlecard-writer';
import { corpusWriterInput } from '../local/writer/corpus-input';
import { tidewell } from '../local/writer/sample-helpforge';

/**
 * `npx tsx server/modules/ai/eval/cards.ts [slug…]`: prints the local engine's battlecard for
 * every demo competitor and every corpus competitor, as a seller would read it.
 */

function demoAsCorpus(): CorpusCompetitor[] {
  return DEMO_COMPETITORS.map((c, i) => ({
    slug: `demo-${c.name.toLowerCase()}`,
    name: c.name,
    website: c.website,
    heldOut: false,
    documents: c.evidence.map((e, j) => {
      const at = new Date(Date.UTC(2026, 10, 1) - e.daysAgo * 86_400_000).toISOString();
      return {
        id: `00000000-0000-4000-9000-${(i * 100 + j + 1).toString(16).padStart(12, '0')}`,
        file: e.key,
        kind: e.kind,
        title: e.title,
        capturedAt: at,
        publishedAt: null,
        text: e.paragraphs.join('\n\n'),
        key: [],
      };
    }),
  }));
}

const only = process.argv.slice(2);
const all = [...demoAsCorpus(), ...loadSplits().flatMap((split) => split.competitors)];
for (const competitor of all) {
  if (only.length > 0 && !only.some((s) => competitor.slug.includes(s))) continue;
  const output = writeBattlecard(corpusWriterInput(competitor, tidewell, 'Mid-market'));
  console.log(`\n═══ ${competitor.name} (${competitor.slug})`);
  let section = '';
  for (const claim of output.claims) {
    if (claim.section !== section) {
      section = claim.section;
      console.log(`\n[${section}]`);
    }
    console.log(`  • ${claim.text}`);
    if (claim.response) console.log(`      ↳ ${claim.response}`);
    for (const c of claim.citations) console.log(`        “${c.quote.slice(0, 140)}”`);
  }
  for (const e of output.emptySections) console.log(`\n[${e.section}] (empty) ${e.note}`);
}
