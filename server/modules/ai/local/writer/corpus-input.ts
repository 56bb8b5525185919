import type { CorpusCompetitor } from '../../eval/corpus';
import type { BattlecardWriterInput, EvidenceFact, OurProduct } from '../../contracts';
import { buildProfile } from '../competitive-intelligence';
import { analyzeContent } from '../content-analysis';

/**
 * The whole local pipeline over one competitor of the evaluation corpus — content_analysis per
 * document, competitive_intelligence over all facts — ending in the writer's input. Used by the
 * end-to-end writer test and to read a card generated from real extraction, not hand-made facts.
 */
export function corpusWriterInput(
  competitor: CorpusCompetitor,
  product: OurProduct,
  segment: string,
): BattlecardWriterInput {
  const facts: EvidenceFact[] = competitor.documents.flatMap((doc) =>
    analyzeContent({
      text: doc.text,
      title: doc.title,
      kind: doc.kind,
      ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    }).facts.map((fact) => ({
      evidenceId: doc.id,
      evidenceKind: doc.kind,
      evidenceTitle: doc.title,
      capturedAt: doc.capturedAt,
      publishedAt: doc.publishedAt,
      fact,
    })),
  );
  const competitorRef = { name: competitor.name, website: competitor.website, summary: '' };
  return {
    competitor: competitorRef,
    profile: buildProfile({ competitor: competitorRef, facts }),
    product,
    segment,
    focusAreas: [],
  };
}
