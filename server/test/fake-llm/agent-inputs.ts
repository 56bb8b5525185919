import type {
  BattlecardWriterInput,
  ChangeSummaryInput,
  CompetitiveIntelligenceInput,
  ContentAnalysisInput,
  EvidenceFact,
  Fact,
} from '../../modules/ai/contracts';

/** Realistic inputs for the four agents, shared by the LLM and engine-factory tests. */

export const PRICING_PAGE: ContentAnalysisInput = {
  kind: 'webpage',
  title: 'Globex pricing',
  url: 'https://globex.example/pricing',
  text: [
    'Globex Pro costs $49 per user per month, billed annually.',
    'Enterprise pricing starts at $25,000 per year with SSO and audit logs.',
    'Globex is SOC 2 Type II certified and GDPR compliant.',
    'Native integrations with Salesforce, Slack and HubSpot.',
  ].join('\n'),
};

export const PII = {
  name: 'Dana Whitfield',
  email: 'dana.whitfield@northwind-logistics.com',
  phone: '+1 (415) 555-0134',
};

export const WIN_LOSS_NOTE: ContentAnalysisInput = {
  kind: 'win_loss',
  title: 'Loss to Globex — Northwind Logistics',
  text: [
    `Spoke with ${PII.name} (VP Operations), ${PII.email}, ${PII.phone}.`,
    `${PII.name} said Globex Pro at $39 per user per month undercut our quote.`,
    'Whitfield was worried that Globex onboarding is slow and support is poor.',
    'Globex announced a Snowflake connector in March.',
  ].join('\n'),
};

const E1 = '5b0f8a52-2c57-4b8e-9a4e-0d3b1f1c0001';
const E2 = '5b0f8a52-2c57-4b8e-9a4e-0d3b1f1c0002';

export const evidenceFact = (
  evidenceId: string,
  kind: EvidenceFact['evidenceKind'],
  fact: Fact,
  capturedAt = '2026-10-01T00:00:00.000Z',
): EvidenceFact => ({
  evidenceId,
  evidenceKind: kind,
  evidenceTitle: kind === 'win_loss' ? WIN_LOSS_NOTE.title! : PRICING_PAGE.title!,
  capturedAt,
  publishedAt: null,
  fact,
});

export const COMPETITOR = {
  name: 'Globex',
  website: 'https://globex.example',
  summary: 'Workflow automation for logistics teams.',
};

export const INTELLIGENCE_INPUT: CompetitiveIntelligenceInput = {
  competitor: COMPETITOR,
  facts: [
    evidenceFact(E1, 'webpage', {
      category: 'pricing',
      value: 'Pro: $49 per user per month',
      confidence: 0.9,
      quote: 'Globex Pro costs $49 per user per month, billed annually.',
    }),
    evidenceFact(
      E2,
      'win_loss',
      {
        category: 'pricing',
        value: 'Pro: $39 per user per month',
        confidence: 0.7,
        quote: `${PII.name} said Globex Pro at $39 per user per month undercut our quote.`,
      },
      '2026-11-01T00:00:00.000Z',
    ),
    evidenceFact(E1, 'webpage', {
      category: 'compliance',
      value: 'SOC 2 Type II',
      confidence: 0.95,
      quote: 'Globex is SOC 2 Type II certified and GDPR compliant.',
    }),
    evidenceFact(E2, 'win_loss', {
      category: 'weakness',
      value: 'Slow onboarding, poor support',
      confidence: 0.6,
      quote: 'Whitfield was worried that Globex onboarding is slow and support is poor.',
    }),
  ],
};

export const PRODUCT = {
  name: 'Tidewell',
  pitch: 'Logistics workflows that go live in a week.',
  capabilities: ['Onboarding in 7 days', 'SOC 2 Type II', '24/7 support'],
  pricing: 'Team $35 per user per month',
  proofPoints: [{ kind: 'metric', text: 'Median go-live 6 days' }],
};

export function writerInput(
  profile: BattlecardWriterInput['profile'],
  sections?: BattlecardWriterInput['sections'],
): BattlecardWriterInput {
  return {
    competitor: COMPETITOR,
    profile,
    product: PRODUCT,
    segment: 'Mid-market logistics',
    focusAreas: ['pricing', 'onboarding'],
    ...(sections ? { sections } : {}),
  };
}

export const CHANGE_INPUT: ChangeSummaryInput = {
  title: 'Globex pricing',
  url: 'https://globex.example/pricing',
  before: 'Plans\nGlobex Pro costs $49 per user per month.\nContact sales@globex.example',
  after: 'Plans\nGlobex Pro costs $59 per user per month.\nContact sales@globex.example',
};
