/**
 * A small, honest language guess: count the most common function words of a few languages in
 * the first words of the text. It answers only when the text is long enough and one language
 * clearly leads; otherwise null ("can't tell"), never a confident wrong label.
 */
const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'in',
    'that',
    'for',
    'with',
    'it',
    'are',
    'on',
    'this',
    'we',
    'you',
    'be',
    'not',
    'as',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'ein',
    'eine',
    'zu',
    'den',
    'von',
    'sie',
    'wir',
    'auf',
    'für',
    'auch',
    'sich',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'un',
    'pour',
    'que',
    'dans',
    'qui',
    'pas',
    'nous',
    'vous',
    'sur',
    'avec',
    'du',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'es',
    'una',
    'un',
    'para',
    'que',
    'con',
    'por',
    'del',
    'se',
    'no',
    'su',
    'como',
    'más',
  ],
  it: [
    'il',
    'la',
    'di',
    'e',
    'che',
    'è',
    'per',
    'una',
    'un',
    'non',
    'con',
    'sono',
    'gli',
    'del',
    'della',
    'le',
    'si',
    'anche',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'niet',
    'met',
    'voor',
    'op',
    'zijn',
    'wij',
    'ook',
    'aan',
    'door',
    'als',
    'bij',
  ],
  pt: [
    'o',
    'a',
    'os',
    'as',
    'e',
    'de',
    'que',
    'não',
    'uma',
    'um',
    'para',
    'com',
    'por',
    'mais',
    'do',
    'da',
    'se',
    'é',
  ],
};

const LOOKUP = new Map<string, string[]>();
for (const [language, words] of Object.entries(STOPWORDS)) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

const SAMPLE_WORDS = 2_000;
const MIN_WORDS = 20;

export function detectLanguage(text: string): string | null {
  const words = (
    text
      .slice(0, 40_000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  ).slice(0, SAMPLE_WORDS);
  if (words.length < MIN_WORDS) return null;
  const scores = new Map<string, number>();
  for (const word of words) {
    for (const language of LOOKUP.get(word) ?? [])
      scores.set(language, (scores.get(language) ?? 0) + 1);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return null;
  // Function words are a large share of any running text; too few means it is not one of ours.
  if (best[1] / words.length < 0.08) return null;
  // A clear lead over the runner-up, or we say we don't know.
  if (second && best[1] < second[1] * 1.5) return null;
  return best[0];
}
