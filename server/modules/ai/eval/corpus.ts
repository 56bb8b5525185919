import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FactCategorySchema, type FactCategory } from '../contracts';

/**
 * The evaluation corpus: fictional competitors, five documents each, and a hand-made answer
 * key per competitor (`key.json`): for every document, the facts a careful analyst would take
 * from it, each as a category and the terms its value must contain. A "?" before the category
 * marks a fact that is acceptable but not required (an analyst might or might not list it).
 */

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/**
 * Held-out batches: competitors and page styles (pricing tables, changelogs, review lists,
 * trust pages, careers pages, press releases) written to test generality. They are scored and
 * reported apart from the corpus above, and no rule may be tuned on them: a new batch is
 * written, never an old one edited, to check a change generalises.
 */
export const HELD_OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'heldout');

export interface Split {
  name: string;
  competitors: CorpusCompetitor[];
}

/** The own corpus first, then every held-out batch in name order. */
export function loadSplits(): Split[] {
  const batches = readdirSync(HELD_OUT_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return [
    { name: 'own corpus', competitors: loadCorpus() },
    ...batches.map((batch, i) => ({
      name: `held-out ${batch}`,
      competitors: loadCorpus(join(HELD_OUT_DIR, batch), true, (i + 1) * 100),
    })),
  ];
}

/** Competitors written after the engine was tuned, and never tuned on. */
export const HELD_OUT = new Set(['quillmate']);

const KeyFileSchema = z.object({
  competitor: z.object({ name: z.string(), website: z.string() }),
  documents: z.array(
    z.object({
      file: z.string(),
      kind: z.enum(['webpage', 'win_loss', 'call_snippet', 'document', 'note']),
      title: z.string(),
      capturedAt: z.iso.datetime({ offset: true }),
      publishedAt: z.iso.datetime({ offset: true }).nullable(),
      facts: z.array(z.tuple([z.string(), z.string()])),
    }),
  ),
});

export interface KeyFact {
  category: FactCategory;
  terms: string[];
  optional: boolean;
}

export interface CorpusDocument {
  id: string;
  file: string;
  kind: 'webpage' | 'win_loss' | 'call_snippet' | 'document' | 'note';
  title: string;
  capturedAt: string;
  publishedAt: string | null;
  text: string;
  key: KeyFact[];
}

export interface CorpusCompetitor {
  slug: string;
  name: string;
  website: string;
  heldOut: boolean;
  documents: CorpusDocument[];
}

/** A stable UUID per document, so profiles and citations are reproducible. */
function documentId(competitor: number, document: number): string {
  const hex = (competitor * 100 + document).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function loadCorpus(dir = CORPUS_DIR, heldOut = false, base = 0): CorpusCompetitor[] {
  const slugs = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return slugs.map((slug, c) => {
    const key = KeyFileSchema.parse(JSON.parse(readFileSync(join(dir, slug, 'key.json'), 'utf8')));
    return {
      slug,
      name: key.competitor.name,
      website: key.competitor.website,
      heldOut: heldOut || HELD_OUT.has(slug),
      documents: key.documents.map((d, i) => ({
        id: documentId(base + c + 1, i + 1),
        file: d.file,
        kind: d.kind,
        title: d.title,
        capturedAt: d.capturedAt,
        publishedAt: d.publishedAt,
        text: readFileSync(join(dir, slug, d.file), 'utf8'),
        key: d.facts.map(([category, terms]) => ({
          category: FactCategorySchema.parse(category.replace(/^\?/, '')),
          terms: terms.split('|'),
          optional: category.startsWith('?'),
        })),
      })),
    };
  });
}
