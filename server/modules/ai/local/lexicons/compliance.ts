/**
 * Certifications, regulations and security controls buyers ask about. Each entry maps the
 * ways pages write it ("SOC2 Type 2", "ISO/IEC 27001:2022") to one canonical name.
 */

interface ComplianceTerm {
  name: string;
  pattern: RegExp;
}

export const COMPLIANCE_TERMS: ComplianceTerm[] = [
  { name: 'SOC 2 Type II', pattern: /\bSOC[\s-]?2(?:®)?\s?(?:Type\s?(?:II|2)|Type-(?:II|2))\b/i },
  { name: 'SOC 2 Type I', pattern: /\bSOC[\s-]?2(?:®)?\s?Type[\s-]?(?:I|1)\b(?!I)/i },
  { name: 'SOC 2', pattern: /\bSOC[\s-]?2\b(?!\s?(?:®\s?)?Type)/i },
  { name: 'SOC 1', pattern: /\bSOC[\s-]?1\b/i },
  { name: 'SOC 3', pattern: /\bSOC[\s-]?3\b/i },
  { name: 'ISO 27001', pattern: /\bISO(?:\/IEC)?[\s-]?27001\b/i },
  { name: 'ISO 27017', pattern: /\bISO(?:\/IEC)?[\s-]?27017\b/i },
  { name: 'ISO 27018', pattern: /\bISO(?:\/IEC)?[\s-]?27018\b/i },
  { name: 'ISO 27701', pattern: /\bISO(?:\/IEC)?[\s-]?27701\b/i },
  { name: 'ISO 9001', pattern: /\bISO[\s-]?9001\b/i },
  { name: 'ISO 42001', pattern: /\bISO(?:\/IEC)?[\s-]?42001\b/i },
  { name: 'HIPAA', pattern: /\bHIPAA\b/ },
  { name: 'BAA', pattern: /\b(?:BAA|business associate agreements?)\b/i },
  { name: 'GDPR', pattern: /\bGDPR\b/ },
  { name: 'CCPA', pattern: /\b(?:CCPA|CPRA)\b/ },
  { name: 'FedRAMP', pattern: /\bFedRAMP\b/i },
  { name: 'StateRAMP', pattern: /\bStateRAMP\b/i },
  { name: 'PCI DSS', pattern: /\bPCI(?:[\s-]DSS)?\b/ },
  { name: 'HITRUST', pattern: /\bHITRUST\b/i },
  { name: 'CSA STAR', pattern: /\bCSA\s?STAR\b/i },
  { name: 'TISAX', pattern: /\bTISAX\b/i },
  { name: 'Cyber Essentials', pattern: /\bCyber Essentials(?: Plus)?\b/ },
  { name: 'C5', pattern: /\bBSI\s?C5\b|\bC5 attestation\b/ },
  { name: 'IRAP', pattern: /\bIRAP\b/ },
  { name: 'DORA', pattern: /\bDORA\b/ },
  { name: 'NIS2', pattern: /\bNIS\s?2\b/ },
  { name: 'WCAG', pattern: /\bWCAG(?:\s?2(?:\.\d)?)?(?: AA)?\b/ },
  { name: 'VPAT', pattern: /\bVPAT\b/ },
  {
    name: 'Data residency',
    pattern:
      /\bdata residency\b|\b(?:EU|US|UK|regional) data (?:centers?|centres?|hosting|regions?)\b|\bdata (?:stays|is stored|hosted) (?:in|within) the (?:EU|US|UK)\b/i,
  },
  { name: 'SSO (SAML)', pattern: /\bSAML(?:\s?2\.0)?\b|\bsingle sign[- ]on\b|\bSSO\b/i },
  { name: 'SCIM', pattern: /\bSCIM\b|\bautomated (?:user )?provisioning\b/i },
  {
    name: 'Encryption at rest',
    pattern: /\bencrypt(?:ed|ion|s)?\b[^.;]{0,40}\bat rest\b|\bAES[- ]?256\b/i,
  },
  { name: 'Encryption in transit', pattern: /\bin transit\b|\bTLS\s?1\.[23]\b/i },
  {
    name: 'Customer-managed keys',
    pattern: /\b(?:BYOK|bring your own key|customer[- ]managed (?:encryption )?keys?|CMEK)\b/i,
  },
  { name: 'MFA', pattern: /\b(?:MFA|2FA|two[- ]factor|multi[- ]factor)\b/i },
  { name: 'Audit logs', pattern: /\baudit (?:logs?|trails?|logging)\b/i },
  {
    name: 'Penetration testing',
    pattern: /\b(?:penetration test(?:s|ing)?|pen[- ]?test(?:s|ing|ed)?)\b/i,
  },
  { name: 'Bug bounty', pattern: /\bbug bounty\b/i },
];

/** "we do not have", "lacks", "no SOC 2": the certification is absent (a weakness). */
export const ABSENCE_CUE =
  /\b(?:no|not|lacks?|lacking|without|missing|doesn't|does not|don't|do not|isn't|is not|aren't|never|hasn't|has not|yet to|couldn't|could not|can't|cannot)\b/i;

/** "pursuing", "expected in Q3": the certification is in progress. */
export const IN_PROGRESS_CUE =
  /\b(?:in progress|pursuing|working towards?|underway|expected (?:in|by)|planned|roadmap|targeting|on track)\b/i;
