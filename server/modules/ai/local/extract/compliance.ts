import { ABSENCE_CUE, COMPLIANCE_TERMS, IN_PROGRESS_CUE } from '../lexicons/compliance';
import { type Draft, type Extractor, clauseSpan } from './draft';

/**
 * Certifications and security controls. Said to be missing ("no SOC 2", "lacks SSO") they
 * are a weakness, not a compliance fact; said to be in progress they say so.
 */
export const extractCompliance: Extractor = (sentence, context) => {
  const text = sentence.text;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const term of COMPLIANCE_TERMS) {
    const m = term.pattern.exec(text);
    if (!m || seen.has(term.name)) continue;
    seen.add(term.name);
    const span = clauseSpan(sentence, m.index, m.index + m[0].length);
    const clause = text.slice(span.start - sentence.start, span.end - sentence.start);
    // Only the words just before the term can negate it ("no SOC 2", "doesn't offer SSO").
    const lead = text.slice(Math.max(span.start - sentence.start, m.index - 40), m.index);
    if (ABSENCE_CUE.test(lead)) {
      drafts.push({ category: 'weakness', value: `No ${term.name}`, confidence: 0.7, ...span });
      continue;
    }
    const inProgress = IN_PROGRESS_CUE.test(clause);
    drafts.push({
      category: 'compliance',
      value: inProgress ? `${term.name} (in progress)` : term.name,
      confidence: inProgress ? 0.6 : context.opinion ? 0.65 : 0.9,
      ...span,
    });
  }
  return drafts;
};
