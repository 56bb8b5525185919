/**
 * Competitive-intelligence text for the bench database, generated from word lists with a
 * seeded PRNG: the same seed gives the same corpus, and the text varies the way real notes,
 * pages and call snippets do (different words, lengths and facts), so full-text search meets
 * realistic term frequencies instead of one paragraph copied 20,000 times.
 */
import type { SectionKey } from '../../common/battlecard-sections';

/** mulberry32: small, fast, good enough to vary text; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
export const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

const NAME_STARTS = [
  'Acme',
  'Nimbus',
  'Vector',
  'Quanta',
  'Helix',
  'Lumen',
  'Orbit',
  'Cobalt',
  'Zephyr',
  'Pioneer',
  'Summit',
  'Beacon',
  'Atlas',
  'Nova',
  'Strata',
  'Kestrel',
  'Meridian',
  'Ember',
  'Granite',
  'Harbor',
  'Juniper',
  'Keystone',
  'Lattice',
  'Mosaic',
  'Northstar',
  'Onyx',
  'Prism',
  'Quill',
  'Radiant',
  'Sable',
  'Tundra',
  'Umbra',
  'Vertex',
  'Willow',
  'Xenon',
  'Yonder',
  'Zenith',
  'Bright',
  'Clear',
  'Deep',
  'Flux',
  'Gale',
  'Hyper',
  'Iron',
  'Jade',
  'Kinetic',
  'Loop',
  'Maple',
  'Neon',
  'Open',
];
const NAME_ENDS = [
  'Analytics',
  'Cloud',
  'Labs',
  'Systems',
  'Software',
  'Data',
  'Works',
  'Logic',
  'Stack',
  'Metrics',
  'Signal',
  'Sense',
  'Flow',
  'Scale',
  'Point',
  'Base',
  'Path',
  'Forge',
  'Wave',
  'Hub',
];
const CATEGORIES = [
  'revenue intelligence',
  'product analytics',
  'customer data platform',
  'sales engagement',
  'conversation intelligence',
  'marketing automation',
  'observability',
  'data warehouse',
  'workflow automation',
  'customer success',
  'billing and subscriptions',
  'identity management',
  'feature flagging',
  'support desk',
  'document signing',
  'project management',
];
const SEGMENTS = [
  'Enterprise',
  'Mid-market',
  'SMB',
  'Public sector',
  'Healthcare',
  'Financial services',
  'EMEA',
  'APAC',
];
const FEATURES = [
  'SSO',
  'SAML',
  'SCIM provisioning',
  'audit logs',
  'role-based access',
  'API',
  'webhooks',
  'Salesforce integration',
  'HubSpot integration',
  'Slack app',
  'mobile app',
  'dashboards',
  'custom reports',
  'data export',
  'sandbox environments',
  'workflow builder',
  'AI assistant',
  'forecasting',
  'alerting',
  'usage-based billing',
  'data residency',
  'encryption at rest',
  'uptime SLA',
  'onboarding services',
  'migration tooling',
  'offline mode',
  'templates',
];
const PLANS = ['Starter', 'Team', 'Growth', 'Business', 'Professional', 'Enterprise', 'Premier'];
const CUSTOMERS = [
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Retail',
  'Hooli',
  'Vandelay Imports',
  'Soylent Foods',
  'Cyberdyne',
  'Tyrell Biotech',
  'Wonka Brands',
  'Gringotts Bank',
  'Oceanic Air',
  'Monarch Insurance',
  'Pied Piper',
  'Aperture Devices',
  'Blue Sun',
  'Dunder Paper',
  'Sterling Cooper',
];
const ROLES = [
  'VP of Sales',
  'CFO',
  'IT director',
  'RevOps lead',
  'CISO',
  'head of support',
  'product manager',
  'procurement lead',
  'CTO',
  'sales engineer',
];
const STRENGTHS = [
  'a polished user interface',
  'fast time to value',
  'a large partner ecosystem',
  'strong brand recognition',
  'deep reporting',
  'aggressive discounting',
  'a generous free tier',
  'a mature API',
  'good documentation',
  'responsive support',
  'a wide template library',
  'broad compliance certifications',
];
const WEAKNESSES = [
  'slow customer support',
  'hidden implementation fees',
  'limited customization',
  'frequent outages',
  'a steep learning curve',
  'weak mobile experience',
  'no data residency options',
  'rigid contracts',
  'per-seat pricing that punishes growth',
  'shallow integrations',
  'a dated admin console',
  'poor performance on large accounts',
  'long onboarding',
  'missing audit trails',
];
const EVENTS = [
  'announced a partnership with',
  'raised a funding round led by',
  'laid off staff in',
  'acquired a startup from',
  'opened a new office in',
  'hired a new chief revenue officer from',
  'launched a marketplace with',
];
const PLACES = [
  'Berlin',
  'Austin',
  'Singapore',
  'Toronto',
  'London',
  'Sydney',
  'Dublin',
  'Denver',
  'Paris',
  'Tokyo',
];
const ADJECTIVES = [
  'expensive',
  'clunky',
  'impressive',
  'reliable',
  'confusing',
  'fast',
  'slow',
  'flexible',
  'limited',
  'solid',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A competitor as the generator knows it: name and the facts its text repeats. */
export interface RivalProfile {
  name: string;
  category: string;
  strengths: string[];
  weaknesses: string[];
  features: string[];
  price: number;
}

/** 1,000+ distinct names: "Acme Analytics", then "Acme Analytics 2" once combinations run out. */
export function rivalNames(count: number): string[] {
  const names: string[] = [];
  for (let round = 1; names.length < count; round++) {
    for (const end of NAME_ENDS) {
      for (const start of NAME_STARTS) {
        if (names.length >= count) break;
        names.push(round === 1 ? `${start} ${end}` : `${start} ${end} ${round}`);
      }
    }
  }
  return names;
}

export function rivalProfile(random: Random, name: string): RivalProfile {
  const three = <T>(items: readonly T[]) => [
    pick(random, items),
    pick(random, items),
    pick(random, items),
  ];
  return {
    name,
    category: pick(random, CATEGORIES),
    strengths: three(STRENGTHS),
    weaknesses: three(WEAKNESSES),
    features: three(FEATURES),
    price: between(random, 2, 40) * 5,
  };
}

export function rivalSummary(random: Random, r: RivalProfile): string {
  return (
    `${r.name} sells ${r.category} software to ${pick(random, SEGMENTS).toLowerCase()} teams. ` +
    `Known for ${r.strengths[0]} and ${r.strengths[1]}; buyers complain about ${r.weaknesses[0]}. ` +
    `List price starts around $${r.price} per seat per month.`
  );
}

/** One sentence about a rival, in one of many shapes a note, page or call might use. */
function sentence(random: Random, r: RivalProfile): string {
  const customer = pick(random, CUSTOMERS);
  const feature = pick(random, [...r.features, ...FEATURES]);
  const role = pick(random, ROLES);
  const plan = pick(random, PLANS);
  const price = r.price + between(random, -2, 6) * 5;
  const shapes = [
    () => `${r.name} charges $${price} per seat per month on the ${plan} plan, billed annually.`,
    () =>
      `The ${role} at ${customer} said ${r.name}'s ${feature} felt ${pick(random, ADJECTIVES)} during the trial.`,
    () => `${customer} chose ${r.name} last quarter because of ${pick(random, r.strengths)}.`,
    () =>
      `Several reviewers mention ${pick(random, r.weaknesses)} as the main reason they left ${r.name}.`,
    () =>
      `${r.name} ${pick(random, EVENTS)} ${pick(random, [...PLACES, ...CUSTOMERS])} in ${pick(random, MONTHS)}.`,
    () => `Their ${plan} tier includes ${feature} but charges extra for ${pick(random, FEATURES)}.`,
    () => `On the call, the ${role} asked whether we match ${r.name} on ${feature}.`,
    () =>
      `We lost ${customer} to ${r.name} after a ${between(random, 2, 9)}-week evaluation; price was the deciding factor.`,
    () => `We won ${customer} against ${r.name} because our ${feature} was ready on day one.`,
    () =>
      `${r.name} offers discounts of up to ${between(random, 10, 45)} percent at the end of the quarter.`,
    () =>
      `Implementation with ${r.name} typically takes ${between(random, 3, 20)} weeks and needs a partner.`,
    () =>
      `The ${feature} in ${r.name} does not support ${pick(random, FEATURES)} yet, according to their roadmap webinar.`,
    () => `Security reviews of ${r.name} flag ${pick(random, r.weaknesses)}.`,
    () =>
      `Their marketing now leads with ${pick(random, r.strengths)} and a new ${pick(random, FEATURES)} story.`,
    () =>
      `A ${role} described the renewal as ${pick(random, ADJECTIVES)} and said the contract was ${pick(random, ['rigid', 'flexible', 'confusing', 'fair'])}.`,
    () =>
      `Support tickets at ${r.name} take ${between(random, 1, 10)} days to resolve on average for ${plan} customers.`,
  ];
  return pick(random, shapes)();
}

export type EvidenceKind = 'note' | 'webpage' | 'win_loss' | 'call_snippet';
const KINDS: EvidenceKind[] = ['note', 'webpage', 'win_loss', 'call_snippet'];

export interface GeneratedEvidence {
  kind: EvidenceKind;
  title: string;
  content: string;
  /** The sentences of `content`, each an exact substring of it: what claims quote. */
  sentences: string[];
  url: string | null;
}

/** A note, page snapshot, win/loss record or call snippet of roughly 150–450 words. */
export function evidenceText(random: Random, r: RivalProfile): GeneratedEvidence {
  const kind = pick(random, KINDS);
  const month = pick(random, MONTHS);
  const title = {
    note: `${r.name}: field notes from ${month}`,
    webpage: `${r.name} ${pick(random, ['pricing page', 'product page', 'security page', 'release notes', 'blog post'])}`,
    win_loss: `${pick(random, ['Win', 'Loss'])} review: ${pick(random, CUSTOMERS)} vs ${r.name}`,
    call_snippet: `Call with ${pick(random, CUSTOMERS)} (${pick(random, ROLES)}) about ${r.name}`,
  }[kind];
  const sentences: string[] = [];
  const paragraphs: string[] = [];
  const paragraphCount = between(random, 3, 6);
  for (let p = 0; p < paragraphCount; p++) {
    const inParagraph: string[] = [];
    for (let s = between(random, 3, 7); s > 0; s--) inParagraph.push(sentence(random, r));
    sentences.push(...inParagraph);
    paragraphs.push(inParagraph.join(' '));
  }
  const slug = r.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    kind,
    title,
    content: paragraphs.join('\n\n'),
    sentences,
    url: kind === 'webpage' ? `https://www.${slug}.example/${between(random, 1, 9999)}` : null,
  };
}

type Section = SectionKey;

export interface GeneratedClaim {
  section: Section;
  text: string;
  response: string | null;
}

/** A claim for one section of a card about `r`; it cites `quote` (a sentence of evidence). */
export function claimText(
  random: Random,
  r: RivalProfile,
  section: Section,
  quote: string,
): GeneratedClaim {
  const feature = pick(random, r.features);
  const echo = quote
    .split(' ')
    .slice(0, between(random, 5, 9))
    .join(' ')
    .replace(/[.,;]$/, '');
  const texts: Record<Section, () => string> = {
    overview: () => `${r.name} is a ${r.category} vendor that leads with ${r.strengths[0]}.`,
    strengths: () => `Customers credit ${r.name} with ${pick(random, r.strengths)}: "${echo}…"`,
    weaknesses: () =>
      `${r.name} struggles with ${pick(random, r.weaknesses)}, especially for larger teams.`,
    how_we_win: () =>
      `Lead with our ${feature} story and a live demo; ${r.name} cannot show it end to end.`,
    objections: () => `"${r.name} is cheaper per seat."`,
    landmines: () => `Ask how ${r.name} handles ${pick(random, FEATURES)} without ${feature}.`,
    pricing: () =>
      `List price is about $${r.price} per seat per month; expect ${between(random, 10, 40)}% discounts at quarter end.`,
    customers: () =>
      `Reference accounts include ${pick(random, CUSTOMERS)} and ${pick(random, CUSTOMERS)}.`,
    news: () => `Recent: ${echo}.`,
    talking_points: () =>
      `Ask about ${pick(random, r.weaknesses)} early; it is where ${r.name} deals stall.`,
  };
  return {
    section,
    text: texts[section](),
    response:
      section === 'objections'
        ? `Compare total cost over three years: ${r.name} adds ${pick(random, r.weaknesses)} and paid ${feature}.`
        : null,
  };
}

/** What people type into search: product words, rival name prefixes, two-word questions. */
export function searchQueries(names: string[]): string[] {
  const words = [
    'pricing',
    'discount',
    'SSO',
    'SCIM provisioning',
    'audit logs',
    'Salesforce',
    'webhooks',
    'onboarding',
    'implementation weeks',
    'renewal',
    'security review',
    'outages',
    'data residency',
    'support tickets',
    'forecasting',
    'per seat',
    'roadmap',
    'partner',
    'funding round',
    'migration',
    'dashboards',
    'mobile app',
    'hidden fees',
    'contract',
    'free tier',
    'Globex',
    'Initech',
    'CFO',
    'procurement',
    'evaluation',
  ];
  const prefixes = names.slice(0, 30).map((n) => n.split(' ')[0]!.slice(0, 4).toLowerCase());
  return [...words, ...prefixes, ...names.slice(30, 40)];
}

/**
 * Queries a search cache has not seen: two neighbouring words of a sentence the corpus could
 * contain, the second cut short as if still being typed ("weeks and ne"). Each finds something,
 * as real typing does, and almost none repeats within a measurement.
 */
export function coldSearchQueries(names: string[], count = 5_000, seed = 11): string[] {
  const random = seededRandom(seed);
  const queries = new Set<string>();
  for (let attempts = 0; queries.size < count && attempts < count * 10; attempts++) {
    const words = sentence(random, rivalProfile(random, pick(random, names)))
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3);
    if (words.length < 2) continue;
    const at = between(random, 0, words.length - 2);
    const second = words[at + 1]!;
    queries.add(
      `${words[at]} ${second.slice(0, between(random, Math.min(3, second.length), second.length))}`,
    );
  }
  return [...queries];
}
