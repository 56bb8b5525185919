import { conceptsOf } from './concepts';
import { words } from './text';

/**
 * What a segment cares about. Enterprise buyers ask about compliance, security and scale first;
 * small teams ask about price, ease and how fast they are live. The segment is free text
 * ("Mid-market SaaS", "startups in fintech"), so it is read by keyword, then its own concepts
 * (e.g. "healthcare" → HIPAA) are added.
 */

export type SegmentTier = 'enterprise' | 'midmarket' | 'smb' | 'general';

export interface SegmentFocus {
  tier: SegmentTier;
  /** Concept ids this segment weighs up. */
  emphasis: Set<string>;
}

const TIER_EMPHASIS: Record<SegmentTier, string[]> = {
  enterprise: [
    'soc2',
    'iso27001',
    'hipaa',
    'gdpr',
    'fedramp',
    'residency',
    'sso',
    'scim',
    'security',
    'scale',
    'reliability',
    'customisation',
    'support',
  ],
  midmarket: [
    'price',
    'renewal',
    'addon',
    'sso',
    'onboarding',
    'ease',
    'reporting',
    'crm',
    'reliability',
  ],
  smb: ['price', 'minimum', 'contract', 'free', 'addon', 'ease', 'onboarding'],
  general: [],
};

// Industries imply compliance needs sellers should lead with.
const INDUSTRY_EMPHASIS: [RegExp, string[]][] = [
  [/health|medical|clinic|hospital|pharma|biotech/, ['hipaa', 'security']],
  [/fintech|bank|financ|insur|payment/, ['soc2', 'pci', 'security', 'iso27001']],
  [/government|public sector|federal/, ['fedramp', 'security']],
  [/\beu\b|europe|emea|german|france|uk\b/, ['gdpr', 'residency']],
];

export function readSegment(segment: string): SegmentFocus {
  const text = segment.toLowerCase();
  const tokens = new Set(words(segment));
  let tier: SegmentTier = 'general';
  if (/enterprise|large|global|fortune|corporate|regulated/.test(text)) tier = 'enterprise';
  else if (/mid[- ]?market|midsize|mid[- ]?size|growth|scale[- ]?up/.test(text)) tier = 'midmarket';
  else if (
    /smb|small|startup|start-up|founder|self[- ]serve|micro|freelanc|agenc/.test(text) ||
    tokens.has('sme')
  ) {
    tier = 'smb';
  }
  const emphasis = new Set(TIER_EMPHASIS[tier]);
  for (const [pattern, concepts] of INDUSTRY_EMPHASIS) {
    if (pattern.test(text)) for (const id of concepts) emphasis.add(id);
  }
  for (const id of conceptsOf(segment)) emphasis.add(id);
  return { tier, emphasis };
}
