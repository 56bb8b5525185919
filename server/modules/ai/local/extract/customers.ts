import {
  COMPETITOR_WON_RE,
  CUSTOMER_LIST_CUE,
  CUSTOMER_SUBJECT_CUE,
  LOST_DEAL_RE,
  customerName,
} from '../lexicons/customers';
import { findKnownProducts } from '../lexicons/integrations';
import { parseNameList } from '../lexicons/names';
import { type Draft, type Extractor, clauseSpan } from './draft';

/** Named customers: "trusted by A, B and C", "customers include …", "Globex switched to …". */
export const extractCustomers: Extractor = (sentence, context) => {
  const text = sentence.text;
  const drafts: Draft[] = [];
  const add = (candidate: string, start: number, end: number, confidence: number) => {
    const name = customerName(candidate, text.slice(end - sentence.start));
    if (name === null || drafts.some((d) => d.value === name)) return;
    drafts.push({
      category: 'customer',
      value: name,
      confidence,
      ...clauseSpan(sentence, start, end),
    });
  };
  CUSTOMER_LIST_CUE.lastIndex = 0;
  for (let m = CUSTOMER_LIST_CUE.exec(text); m; m = CUSTOMER_LIST_CUE.exec(text)) {
    const cue = m[0].toLowerCase();
    // "join" and "powering" are weak: they need a customer word nearby.
    if (
      /^(?:join|powering)/.test(cue) &&
      !/\b(?:customers?|companies|teams|brands|organi[sz]ations)\b/i.test(text)
    )
      continue;
    // "used by" an integration or a role ("used by reps") is not a customer list.
    const items = parseNameList(text, m.index + m[0].length);
    for (const item of items) {
      if (findKnownProducts(item.name, false).length > 0 && /integrat|connect|sync/i.test(text))
        continue;
      add(item.name, item.start, item.end, 0.8);
    }
    if (CUSTOMER_LIST_CUE.lastIndex === m.index) CUSTOMER_LIST_CUE.lastIndex++;
  }
  // Win/loss: a deal the competitor won makes the buyer its customer.
  const record = context.record;
  if (
    record &&
    !record.emitted &&
    context.verdict === 'lost' &&
    sentence.end - record.start <= 1000
  ) {
    record.emitted = true;
    const name = customerName(record.name);
    if (name !== null)
      drafts.push({
        category: 'customer',
        value: name,
        confidence: 0.7,
        start: record.start,
        end: sentence.end,
      });
  }
  if (context.opinion) {
    const lost = LOST_DEAL_RE.exec(text);
    if (lost)
      add(
        lost[1]!,
        lost.index + lost[0].indexOf(lost[1]!),
        lost.index + lost[0].indexOf(lost[1]!) + lost[1]!.length,
        0.65,
      );
    const won = COMPETITOR_WON_RE.exec(text);
    if (won && !/^(?:We|I|You|They|Our|Rep|AE|SE)$/.test(won[1]!)) {
      const at = won.index + won[0].lastIndexOf(won[2]!);
      add(won[2]!, at, at + won[2]!.length, 0.6);
    }
  }
  const subject = CUSTOMER_SUBJECT_CUE.exec(text);
  if (
    subject &&
    !/^(?:We|They|I|Our|The|It|He|She|You|Who|Which|Customers?|Users?|Teams?)$/.test(
      subject[1]!.split(' ')[0]!,
    )
  ) {
    const start = text.indexOf(subject[1]!);
    add(subject[1]!, start, start + subject[1]!.length, context.kind === 'win_loss' ? 0.6 : 0.7);
  }
  if (/case stud|customer stor/.test(context.section) && text.length < 60 && /^[A-Z]/.test(text)) {
    const head =
      /^([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})(?=\s*(?:$|[:–—-]|\bcuts?\b|\bsaves?\b|\bgrows?\b|\bhow\b))/.exec(
        text,
      );
    if (head) add(head[1]!, 0, head[1]!.length, 0.6);
  }
  return drafts;
};
