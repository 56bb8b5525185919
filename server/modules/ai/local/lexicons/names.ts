/**
 * Lists of proper names after a cue: "customers include Acme, Globex Corp. and Initech".
 * Each item must start with a capital letter or digit and be at most five words; the list
 * stops at the first item that does not look like a name.
 */

const GENERIC = new Set([
  'The',
  'We',
  'Our',
  'Their',
  'They',
  'It',
  'This',
  'That',
  'These',
  'Those',
  'Many',
  'Some',
  'Other',
  'Others',
  'More',
  'Most',
  'All',
  'Thousands',
  'Hundreds',
  'Millions',
  'Teams',
  'Companies',
  'Customers',
  'Brands',
  'Fortune',
  'Leading',
  'Top',
  'Global',
  'I',
  'You',
  'He',
  'She',
  'In',
  'On',
  'At',
  'For',
  'With',
  'And',
  'Or',
  'But',
  'Also',
  'Read',
  'See',
  'Learn',
  'Why',
  'How',
  'What',
  'When',
  'Organizations',
  'Organisations',
  'Enterprises',
  'Startups',
  'Businesses',
  'Agencies',
  'Industry',
  'Everyone',
  'Plus',
  'Etc',
]);

export interface ListedName {
  name: string;
  start: number;
  end: number;
}

const ITEM =
  /^[\s"“']*(?:the\s+|a\s+|an\s+)?(?:(?:[A-Z][a-z]+(?:ian|ean|ese|ish)|Dutch|French|Swiss|Greek|Thai|Czech|Welsh)\s+(?=[a-z]))?(?:[a-z][a-z-]+\s+){0,3}?([A-Z0-9][\w&.'’+-]*(?:\s(?:[A-Z0-9&][\w&.'’+-]*|of|de|and(?=\s[A-Z][\w]*\s(?:Co|Company|Partners|Sons)\b)|for|the)){0,4})/;

/** Parses the list starting at `offset` in `sentence`. */
export function parseNameList(sentence: string, offset: number, max = 12): ListedName[] {
  const names: ListedName[] = [];
  let at = offset;
  let last = false;
  for (let i = 0; i < max; i++) {
    const rest = sentence.slice(at, at + 120);
    const m = ITEM.exec(rest);
    if (!m) break;
    let name = m[1]!.replace(/[.,'’]+$/, '').replace(/\s(?:of|de|for|the|and)$/, '');
    const lead = m[0].length - m[1]!.length;
    const first = name.split(/\s/)[0]!;
    if (GENERIC.has(first) || name.length < 2 || /['’]s$/.test(name) || /^[\d.,]+$/.test(name))
      break;
    // A trailing lowercase-free word like "Inc" is part of the name; a verb would be lowercase.
    name = name.trim();
    const start = at + lead;
    names.push({ name, start, end: start + name.length });
    at = start + m[1]!.length;
    // "A, B and C, rely on X": the item after "and" closes the list.
    if (last) break;
    const sep = /^[.’']?\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+|\s*\/\s*|;\s*)/.exec(
      sentence.slice(at, at + 10),
    );
    if (!sep) break;
    last = /\b(?:and|&)\s+$/.test(sep[0]);
    at += sep[0].length;
  }
  return names;
}
