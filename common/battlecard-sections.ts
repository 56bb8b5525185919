/**
 * Battlecard constants shared by server and web. No zod here: the web app imports these values,
 * and the zod schemas in battlecards.ts stay out of the browser bundle.
 */
/** Sections of every battlecard, in the order sellers read them. */
export const SECTION_KEYS = [
  'overview',
  'strengths',
  'weaknesses',
  'how_we_win',
  'objections',
  'landmines',
  'pricing',
  'customers',
  'news',
  'talking_points',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Record<SectionKey, string> = {
  overview: 'Overview',
  strengths: 'Their strengths',
  weaknesses: 'Their weaknesses',
  how_we_win: 'How we win',
  objections: 'Objection handling',
  landmines: 'Landmine questions',
  pricing: 'Pricing',
  customers: 'Customers',
  news: 'Recent news',
  talking_points: 'Talking points',
};

export const BATTLECARD_STATUSES = [
  'draft',
  'generating',
  'published',
  'archived',
  'failed',
] as const;
export type BattlecardStatus = (typeof BATTLECARD_STATUSES)[number];

export const AUDIENCES = ['internal', 'shareable'] as const;

export const CLAIM_TEXT_MAX = 2000;
export const CITATION_QUOTE_MAX = 1000;
