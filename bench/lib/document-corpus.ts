/** Business prose for document benchmarks: deterministic, varied, a few sentences a paragraph. */
const SUBJECTS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
];
const VERBS = [
  'charges',
  'offers',
  'announced',
  'dropped',
  'bundles',
  'limits',
  'integrates',
  'prices',
];
const OBJECTS = [
  'single sign-on in the Enterprise plan',
  'a free tier for up to three agents',
  'per-seat pricing at $49 a month',
  'a native Salesforce integration',
  'SOC 2 Type II reports on request',
  'onboarding that takes six weeks',
  'phone support only in business hours',
  'an API limited to 100 requests a minute',
];
const TAILS = [
  'according to their latest datasheet.',
  'which came up twice in lost deals this quarter.',
  'as the analyst briefing noted.',
  'and customers in EMEA ask about it often.',
];

/** `count` paragraphs, the same on every run (a linear congruential sequence picks words). */
export function corpusParagraphs(count: number): string[] {
  let seed = 42;
  const pick = <T>(items: T[]) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return items[seed % items.length]!;
  };
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 4 },
      () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(TAILS)}`,
    ).join(' '),
  );
}
