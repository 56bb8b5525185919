import { INTEGRATION_CUE, INTEGRATION_LIST_CUE, findKnownProducts } from '../lexicons/integrations';
import { CUSTOMER_LIST_CUE } from '../lexicons/customers';
import { parseNameList } from '../lexicons/names';
import { type Draft, type Extractor, clauseSpan } from './draft';

const GENERIC_SYSTEM_RE =
  /^(?:HR|HRIS|CRM|ERP|POS|ATS|LMS|CMS|BI|API|APIs|CSV|SSO|SFTP|FTP|SMS|IT|ITSM|VoIP|PBX|EHR|EMR|Excel files?)$/;

/**
 * Integrations: known products named in a sentence about connecting things (or under an
 * "Integrations" heading), and any name in an "integrates with X, Y and Z" list.
 */
export const extractIntegrations: Extractor = (sentence, context) => {
  const text = sentence.text;
  const inSection = /integrat|connector|apps?\b|marketplace|ecosystem/.test(context.section);
  // "New: Terraform provider", "Added: Linear sync": a changelog entry naming a product.
  const cue = INTEGRATION_CUE.test(text) || /^\s*(?:New|Added|Launched)\s*[:–—]/.test(text);
  CUSTOMER_LIST_CUE.lastIndex = 0;
  if (CUSTOMER_LIST_CUE.test(text) && !cue) return [];
  if (!cue && !inSection) return [];
  const found = new Map<string, { start: number; end: number; confidence: number }>();
  const list = INTEGRATION_LIST_CUE.exec(text);
  if (list) {
    for (const item of parseNameList(text, list.index + list[0].length)) {
      const known = findKnownProducts(item.name, true)[0];
      const name = known && known.name.length >= item.name.length - 4 ? known.name : item.name;
      // "integration with the HR system": a kind of system, not a product.
      if (!known && GENERIC_SYSTEM_RE.test(name)) continue;
      found.set(name, { start: item.start, end: item.end, confidence: 0.85 });
    }
  }
  // Under a heading a line may be a bare name ("Salesforce"): ambiguous names count then.
  const shortLine = text.length < 40;
  // An ambiguous name ("Sage", "Close") counts beside two unambiguous products in one sentence.
  const company = findKnownProducts(text, false).length >= 2;
  for (const m of findKnownProducts(text, list !== null || company || (inSection && shortLine))) {
    if (!found.has(m.name))
      found.set(m.name, { start: m.start, end: m.end, confidence: cue ? 0.8 : 0.65 });
  }
  const drafts: Draft[] = [];
  for (const [name, at] of found) {
    drafts.push({
      category: 'integration',
      value: name,
      confidence: at.confidence,
      ...clauseSpan(sentence, at.start, at.end),
    });
  }
  return drafts;
};
