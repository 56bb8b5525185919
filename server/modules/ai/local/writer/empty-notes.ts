import type { SectionKey } from '../../../../../common/battlecard-sections';

/**
 * What to tell the team when a section has no evidence: the specific source that would fill it.
 * An empty section with a useful note beats a padded one a seller cannot trust.
 */

export const FILL_IN_PRODUCT =
  'Fill in your product profile (Settings → Our product) to get how-we-win and objection responses.';

const NOTES: Record<SectionKey, string> = {
  overview:
    'No overview evidence yet — add their home or about page as a source, or a note on how they position themselves.',
  strengths:
    'No strengths on file yet — add review excerpts, analyst notes or loss interviews that say why buyers pick them.',
  weaknesses:
    'No weaknesses on file yet — add win/loss interviews, review excerpts or call snippets where buyers complain about them.',
  how_we_win:
    'No contrast found yet: none of your capabilities meets a documented weakness or gap of theirs. Add win/loss notes and their security or integrations pages, or list more capabilities in Settings → Our product.',
  objections:
    'No objections yet — they come from their strengths; add their feature pages, review excerpts or loss interviews.',
  landmines:
    'No landmine questions yet — they come from documented weaknesses; add win/loss notes, review excerpts or incident reports.',
  pricing: 'No pricing evidence yet — add their pricing page as a source or upload a price sheet.',
  customers: 'No customers named yet — add their case studies or customers page as a source.',
  news: 'No recent news yet — add their blog, press page or RSS feed as a source.',
  talking_points:
    'No talking points yet — they come from how-we-win and their weaknesses; add win/loss notes and fill in Settings → Our product.',
};

export function emptyNote(section: SectionKey, productConfigured: boolean): string {
  if (!productConfigured && (section === 'how_we_win' || section === 'talking_points')) {
    return section === 'how_we_win'
      ? FILL_IN_PRODUCT
      : `${NOTES.talking_points.split(';')[0]}. ${FILL_IN_PRODUCT}`;
  }
  return NOTES[section];
}
