import {
  ABSENCE_CUE,
  COMPLIANCE_TERMS,
  IN_PROGRESS_CUE,
  NO_ANSWER,
  ROADMAP_CUE,
  YES_ANSWER,
} from '../lexicons/compliance';
import type { Sentence } from '../nlp';
import { type Draft, type Extractor, clauseSpan } from './draft';

function termsIn(text: string): { name: string; index: number; length: number }[] {
  const found: { name: string; index: number; length: number }[] = [];
  for (const term of COMPLIANCE_TERMS) {
    const m = term.pattern.exec(text);
    if (m && !found.some((f) => f.name === term.name))
      found.push({ name: term.name, index: m.index, length: m[0].length });
  }
  return found;
}

/** "Do you offer a HIPAA BAA?" then "No." — the answer decides; the quote spans both. */
function answerToQuestion(question: Sentence, answer: Sentence): Draft[] {
  const no = NO_ANSWER.test(answer.text);
  if (!no && !YES_ANSWER.test(answer.text)) return [];
  return termsIn(question.text).map((t) => ({
    category: no ? 'weakness' : 'compliance',
    value: no ? `No ${t.name}` : t.name,
    confidence: 0.75,
    start: question.start,
    end: answer.end,
  }));
}

/**
 * Certifications and security controls. Said to be missing ("no SOC 2", "lacks SSO", "on our
 * roadmap") they are a weakness, not a compliance fact; said to be in progress they say so.
 * Opinion text (reviews, win/loss) is no authority on certifications: only gaps count there.
 */
export const extractCompliance: Extractor = (sentence, context) => {
  const text = sentence.text;
  if (/\?\s*$/.test(text)) return []; // a question asserts nothing
  const drafts: Draft[] = [];
  const answered = context.question ? answerToQuestion(context.question, sentence) : [];
  drafts.push(...answered);
  for (const term of termsIn(text)) {
    if (answered.some((d) => d.value.endsWith(term.name))) continue;
    const span = clauseSpan(sentence, term.index, term.index + term.length);
    const clause = text.slice(span.start - sentence.start, span.end - sentence.start);
    // Only the words just before the term can negate it ("no SOC 2", "doesn't offer SSO").
    const lead = text.slice(Math.max(span.start - sentence.start, term.index - 40), term.index);
    const roadmap = ROADMAP_CUE.test(clause);
    // A status cell after it: "HIPAA | Not supported", "FedRAMP: not pursuing", "BAA — ✗".
    const status =
      /^[^|:–—\n]{0,12}[|:–—]\s*(?:not (?:supported|available|offered|pursu\w*|certified|compliant)|no\b|none\b|✗|✘|❌)/i.test(
        text.slice(term.index + term.length, term.index + term.length + 60),
      );
    if (ABSENCE_CUE.test(lead) || roadmap || status) {
      drafts.push({
        category: 'weakness',
        value: `No ${term.name}${roadmap ? ' (on roadmap)' : ''}`,
        confidence: 0.7,
        ...span,
      });
      continue;
    }
    if (context.opinion) continue;
    const inProgress = IN_PROGRESS_CUE.test(clause);
    drafts.push({
      category: 'compliance',
      value: inProgress ? `${term.name} (in progress)` : term.name,
      confidence: inProgress ? 0.6 : 0.9,
      ...span,
    });
  }
  return drafts;
};
