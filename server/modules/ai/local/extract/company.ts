import {
  ACQUIRED_RE,
  CUSTOMER_COUNT_RE,
  FOUNDED_RE,
  FUNDING_RE,
  FUNDING_TOTAL_RE,
  HEADCOUNT_NOT,
  HEADCOUNT_RE,
  HQ_NOT_COMPANY,
  HQ_RE,
  LED_BY_RE,
  SERIES_RE,
} from '../lexicons/company';
import { type Draft, type Extractor, clauseSpan, sentenceSpan } from './draft';

const money = (raw: string) =>
  raw
    .replace(/^USD\s?|^US\$/, '$')
    .replace(/^EUR\s?/, '€')
    .replace(/^GBP\s?/, '£')
    .replace(/\s?(?:million|mn|m)$/i, 'M')
    .replace(/\s?(?:billion|bn|b)$/i, 'B')
    .replace(/\s?k$/i, 'K');

/** Funding, founding year, headquarters, headcount, customer count, acquisition. */
export const extractCompany: Extractor = (sentence) => {
  const text = sentence.text;
  const drafts: Draft[] = [];
  const funding = FUNDING_RE.exec(text);
  if (
    funding &&
    /\b(?:series|seed|round|funding|investors?|led by|capital|ventures|valuation)\b/i.test(text)
  ) {
    const series = funding[2] ?? SERIES_RE.exec(text)?.[1] ?? null;
    const led = LED_BY_RE.exec(text)?.[1]?.replace(/[.,]+$/, '');
    const value = `Raised ${money(funding[1]!)}${series ? ` ${series.replace(/\s+(?:funding\s+)?round|\s+funding$/i, '').replace(/^seed$/i, 'Seed')}` : ''}${led ? ` led by ${led}` : ''}`;
    drafts.push({ category: 'company', value, confidence: 0.9, ...sentenceSpan(sentence) });
  } else {
    const total = FUNDING_TOTAL_RE.exec(text);
    if (total)
      drafts.push({
        category: 'company',
        value: `Total funding ${money(total[1]!)}`,
        confidence: 0.8,
        ...sentenceSpan(sentence),
      });
  }
  const founded = FOUNDED_RE.exec(text);
  if (
    founded &&
    !/\b(?:launched|introduced|released)\b[^.]{0,40}\b(?:feature|product|plan|integration)\b/i.test(
      text,
    )
  ) {
    const year = founded[1] ?? founded[2] ?? founded[3]!;
    drafts.push({
      category: 'company',
      value: `Founded in ${year}`,
      confidence: 0.85,
      ...clauseSpan(sentence, founded.index, founded.index + founded[0].length),
    });
  }
  const hq = HQ_RE.exec(text);
  if (hq && !HQ_NOT_COMPANY.test(text.slice(Math.max(0, hq.index - 40), hq.index + 10))) {
    const place = hq[1]!.replace(/[.,]+$/, '').replace(/\s(?:With|And|Since|The)\b.*$/, '');
    drafts.push({
      category: 'company',
      value: `Headquartered in ${place}`,
      confidence: 0.85,
      ...clauseSpan(sentence, hq.index, hq.index + hq[0].length),
    });
  }
  const head = HEADCOUNT_RE.exec(text);
  if (head) {
    const window = text.slice(head.index, head.index + head[0].length + 25);
    if (!HEADCOUNT_NOT.test(window)) {
      const count = (head[1] ?? head[2]!).replace(/\+$/, '+');
      drafts.push({
        category: 'company',
        value: `${count} employees`,
        confidence: 0.8,
        ...clauseSpan(sentence, head.index, head.index + head[0].length),
      });
    }
  }
  const customers = CUSTOMER_COUNT_RE.exec(text);
  if (customers) {
    drafts.push({
      category: 'company',
      value: `${customers[1]!.replace(/\s/g, '')} customers`,
      confidence: 0.7,
      ...clauseSpan(sentence, customers.index, customers.index + customers[0].length),
    });
  }
  const acquired = ACQUIRED_RE.exec(text);
  if (acquired) {
    drafts.push({
      category: 'company',
      value:
        text.length <= 180 ? text : `Acquired: ${text.slice(acquired.index, acquired.index + 100)}`,
      confidence: 0.75,
      ...sentenceSpan(sentence),
    });
  }
  return drafts;
};
