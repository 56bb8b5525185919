import { DEMO_PRODUCT } from '../../../demo/demo-content';
import { helpforge } from '../../../demo/content/helpforge';
import { evidenceContent } from '../../../demo/demo-types';
import type { BattlecardWriterInput, OurProduct } from '../../contracts';
import { buildSampleProfile, sampleUuid, type SampleEvidence } from './sample-builder';

/**
 * A realistic profile of Helpforge (the demo's incumbent help desk) over the demo's own
 * evidence texts, written the way the competitive-intelligence agent would: short values,
 * exact quotes, merged confidence, one conflicting price. Our side is the demo's Tidewell.
 */

const SEED = new Date('2026-11-20T09:00:00.000Z').getTime();
const DAY = 86_400_000;

const evidence: Record<string, SampleEvidence> = Object.fromEntries(
  helpforge.evidence.map((item, i) => [
    item.key,
    {
      id: sampleUuid(100 + i),
      title: item.title,
      capturedAt: new Date(SEED - item.daysAgo * DAY).toISOString(),
      text: evidenceContent(item),
    },
  ]),
);

const sample = buildSampleProfile(
  evidence,
  'Helpforge is the incumbent help desk on most mid-market and enterprise shortlists. It sells breadth — a marketplace of 900+ apps and a partner network — on annual contracts with seat minimums. AI is a paid add-on billed per agent and per automated resolution.',
  [
    {
      category: 'pricing',
      value: 'Team plan: $55 per agent per month, billed annually',
      confidence: 0.95,
      score: 0.92,
      cites: [['pricing', 'Team — $55 per agent per month, billed annually.']],
      conflictKey: 'pricing:team',
    },
    {
      category: 'pricing',
      value: 'Professional plan: $95 per agent per month, billed annually, minimum 10 agents',
      confidence: 0.95,
      score: 0.9,
      cites: [
        ['pricing', 'Professional — $95 per agent per month, billed annually. Minimum 10 agents.'],
      ],
      conflictKey: 'pricing:professional',
    },
    {
      category: 'pricing',
      value: 'Professional plan: $135 per agent per month with Forge AI (quoted)',
      confidence: 0.7,
      score: 0.6,
      cites: [
        [
          'call-harbor',
          'Their quote for Professional plus Forge AI came to $135 per agent per month',
        ],
      ],
      conflictKey: 'pricing:professional',
    },
    {
      category: 'pricing',
      value: 'Enterprise plan: $149 per agent per month, billed annually, minimum 25 agents',
      confidence: 0.95,
      score: 0.85,
      cites: [
        ['pricing', 'Enterprise — $149 per agent per month, billed annually. Minimum 25 agents.'],
      ],
      conflictKey: 'pricing:enterprise',
    },
    {
      category: 'pricing',
      value: 'Forge AI add-on: $40 per agent per month, plus $1.20 per automated resolution',
      confidence: 0.95,
      score: 0.88,
      cites: [
        [
          'pricing',
          'Forge AI add-on — $40 per agent per month, available on Professional and Enterprise.',
        ],
        [
          'pricing',
          'Automated resolutions by the Forge AI agent are billed separately at $1.20 per resolution.',
        ],
        [
          'win-brightpath',
          'adding Forge AI would have cost another $40 per agent per month on top',
        ],
      ],
    },
    {
      category: 'pricing',
      value: 'Annual contracts only; monthly billing is not offered',
      confidence: 0.9,
      score: 0.7,
      cites: [
        ['pricing', 'All plans are sold on annual contracts. Monthly billing is not offered.'],
      ],
    },
    {
      category: 'feature',
      value: 'SAML single sign-on on Professional and above',
      confidence: 0.9,
      score: 0.6,
      cites: [
        [
          'pricing',
          'Adds chat and voice channels, SLA policies, custom ticket fields, SAML single sign-on, and the full Helpforge Marketplace of 900+ apps.',
        ],
      ],
    },
    {
      category: 'feature',
      value: 'Marketplace of 900+ apps',
      confidence: 0.9,
      score: 0.8,
      cites: [
        ['pricing', 'the full Helpforge Marketplace of 900+ apps'],
        ['analyst', "Helpforge's moat is its marketplace and its partner network."],
      ],
    },
    {
      category: 'feature',
      value: 'Sandbox environments, custom roles and audit log export on Enterprise',
      confidence: 0.85,
      score: 0.5,
      cites: [
        [
          'pricing',
          'Adds sandbox environments, custom roles, audit log export and a named customer success manager.',
        ],
      ],
    },
    {
      category: 'feature',
      value: 'Forge AI Copilot: suggested replies, ticket summaries and tone controls',
      confidence: 0.85,
      score: 0.65,
      cites: [
        [
          'copilot',
          'Forge AI Copilot is now generally available for all customers on Professional and Enterprise plans with the Forge AI add-on.',
        ],
      ],
    },
    {
      category: 'integration',
      value: 'CallMesh telephony app',
      confidence: 0.8,
      score: 0.55,
      cites: [
        [
          'loss-corvid',
          'Helpforge has a marketplace app for it that their IT team had already used at a previous company',
        ],
      ],
    },
    {
      category: 'compliance',
      value: 'EU data residency on Enterprise as a paid add-on',
      confidence: 0.85,
      score: 0.5,
      cites: [['pricing', 'EU data residency is available on Enterprise as a paid add-on.']],
    },
    {
      category: 'strength',
      value:
        'Reporting (Explore) is highly valued by buyers and a common reason teams hesitate to switch',
      confidence: 0.8,
      score: 0.75,
      cites: [
        [
          'analyst',
          "buyers value Helpforge's reporting (Explore) highly; it is a common reason teams hesitate to switch.",
        ],
        ['win-brightpath', "Helpforge's Explore reports were the thing the team feared losing."],
      ],
    },
    {
      category: 'strength',
      value: 'Brand recognition: seen as the safe choice by boards and procurement',
      confidence: 0.75,
      score: 0.7,
      cites: [
        [
          'loss-corvid',
          'Nobody on our board has heard of Tidewell. Everyone has heard of Helpforge.',
        ],
        ['call-harbor', "We're the safe choice, nobody gets fired for picking Helpforge"],
      ],
    },
    {
      category: 'strength',
      value: 'On the shortlist of roughly 70% of evaluations above 50 agents',
      confidence: 0.6,
      score: 0.5,
      cites: [
        [
          'analyst',
          'The analyst estimates it appears in roughly 70% of evaluations above 50 agents.',
        ],
        [
          'analyst',
          'Helpforge remains the default shortlist entry in mid-market and enterprise evaluations.',
        ],
      ],
    },
    {
      category: 'weakness',
      value:
        'Copilot reads Helpforge Guide articles only; Confluence and Google Drive support is only planned',
      confidence: 0.9,
      score: 0.8,
      cites: [
        ['copilot', 'Copilot currently reads knowledge from Helpforge Guide articles only.'],
        [
          'copilot',
          'Support for external knowledge sources such as Confluence and Google Drive is planned for a future release.',
        ],
      ],
    },
    {
      category: 'weakness',
      value:
        'Admin is fragile: workflow and SLA changes often need an expert admin or a paid consultant',
      confidence: 0.8,
      score: 0.72,
      cites: [
        ['analyst', 'buyers describe the trigger and automation builder as powerful but fragile'],
        ['win-brightpath', 'every change to a trigger or an SLA policy went through a consultant'],
      ],
    },
    {
      category: 'weakness',
      value: 'Renewal uplifts of 15 to 25 percent are a consistent complaint',
      confidence: 0.8,
      score: 0.7,
      cites: [
        ['analyst', 'renewal uplifts of 15 to 25 percent'],
        ['win-brightpath', 'Their renewal quote came in 22% higher than the previous year'],
      ],
    },
    {
      category: 'weakness',
      value:
        'EU-1 outage delayed inbound email by up to 6 hours 14 minutes, the third such incident in twelve months',
      confidence: 0.85,
      score: 0.68,
      cites: [
        [
          'incident',
          'Inbound email was delayed by up to 6 hours 14 minutes for customers hosted in EU-1.',
        ],
        ['incident', 'this is the third incident in twelve months'],
      ],
    },
    {
      category: 'weakness',
      value: 'Enterprise implementation typically takes three to five months with a partner',
      confidence: 0.6,
      score: 0.5,
      cites: [
        [
          'analyst',
          'Implementation of the Enterprise plan typically takes three to five months with a partner.',
        ],
      ],
    },
    {
      category: 'customer',
      value: 'Corvid Logistics',
      confidence: 0.9,
      score: 0.5,
      cites: [['loss-corvid', 'Outcome: lost to Helpforge.']],
    },
    {
      category: 'news',
      value:
        'Forge AI Copilot is generally available on Professional and Enterprise with the Forge AI add-on',
      confidence: 0.95,
      score: 0.6,
      cites: [
        [
          'copilot',
          'Forge AI Copilot is now generally available for all customers on Professional and Enterprise plans with the Forge AI add-on.',
        ],
      ],
    },
    {
      category: 'news',
      value: 'Major EU-1 incident: a queue migration during business hours delayed inbound email',
      confidence: 0.9,
      score: 0.55,
      cites: [
        [
          'incident',
          'Helpforge attributed the incident to a queue migration that ran during business hours and could not be rolled back quickly.',
        ],
      ],
    },
  ],
);

export const helpforgeEvidence = sample.evidence;
export const helpforgeProfile = sample.profile;

export const tidewell: OurProduct = {
  name: DEMO_PRODUCT.name,
  pitch: DEMO_PRODUCT.pitch,
  capabilities: DEMO_PRODUCT.capabilities,
  pricing: DEMO_PRODUCT.pricing,
  proofPoints: DEMO_PRODUCT.proofPoints,
};

export const EMPTY_PRODUCT: OurProduct = {
  name: '',
  pitch: '',
  capabilities: [],
  pricing: '',
  proofPoints: [],
};

export function helpforgeInput(
  overrides: Partial<BattlecardWriterInput> = {},
): BattlecardWriterInput {
  return {
    competitor: { name: helpforge.name, website: helpforge.website, summary: helpforge.summary },
    profile: helpforgeProfile,
    product: tidewell,
    segment: 'Mid-market',
    focusAreas: [],
    ...overrides,
  };
}
