import { stems } from './text';

/**
 * The concept lexicon: the few hundred words B2B buyers and sellers use for the same things
 * ("SSO", "SAML", "single sign-on"). Two texts that share a concept are about the same thing
 * even when they share no word, which is how our capabilities meet their facts.
 */

export type ConceptKind = 'compliance' | 'integration' | 'price' | 'quality' | 'capability';

export interface Concept {
  id: string;
  kind: ConceptKind;
  /** Shown to sellers: "single sign-on", "SOC 2". */
  label: string;
  phrases: string[];
  /** Broad concepts (pricing, security) count for less than specific ones (SOC 2, Salesforce). */
  broad?: boolean;
  /** A landmine question that exposes a weakness on this concept. */
  question?: string;
  /** How a seller answers an objection on this concept when we have no matching capability. */
  counter?: string;
}

export const CONCEPTS: Concept[] = [
  // ── compliance and security
  {
    id: 'soc2',
    kind: 'compliance',
    label: 'SOC 2',
    phrases: ['soc 2', 'soc2', 'soc ii', 'soc 2 type ii', 'security audit', 'aicpa'],
  },
  {
    id: 'iso27001',
    kind: 'compliance',
    label: 'ISO 27001',
    phrases: ['iso 27001', 'iso27001', 'iso iec 27001'],
  },
  {
    id: 'hipaa',
    kind: 'compliance',
    label: 'HIPAA',
    phrases: ['hipaa', 'baa', 'business associate agreement', 'phi'],
  },
  {
    id: 'gdpr',
    kind: 'compliance',
    label: 'GDPR',
    phrases: ['gdpr', 'data processing agreement', 'dpa'],
  },
  { id: 'fedramp', kind: 'compliance', label: 'FedRAMP', phrases: ['fedramp'] },
  { id: 'pci', kind: 'compliance', label: 'PCI DSS', phrases: ['pci', 'pci dss'] },
  { id: 'ccpa', kind: 'compliance', label: 'CCPA', phrases: ['ccpa'] },
  {
    id: 'residency',
    kind: 'compliance',
    label: 'data residency',
    phrases: [
      'data residency',
      'eu hosting',
      'hosted in the eu',
      'eu data center',
      'data centre',
      'data center',
      'in region hosting',
    ],
    question:
      'Ask where their data is hosted, on which plan, and whether regional hosting costs extra.',
  },
  {
    id: 'sso',
    kind: 'compliance',
    label: 'single sign-on',
    phrases: ['sso', 'saml', 'single sign on', 'single signon', 'okta', 'azure ad', 'entra id'],
    question: 'Ask whether SSO is included on the plan they are quoting or only on a higher tier.',
  },
  {
    id: 'scim',
    kind: 'compliance',
    label: 'SCIM provisioning',
    phrases: ['scim', 'user provisioning', 'automated provisioning'],
  },
  {
    id: 'security',
    kind: 'compliance',
    label: 'security',
    broad: true,
    phrases: [
      'security',
      'secure',
      'encryption',
      'encrypted',
      'audit log',
      'penetration test',
      'pen test',
      'compliance',
      'compliant',
      'certified',
      'certification',
      'trust center',
    ],
    question:
      'Ask for their latest security report and which controls apply to the plan being quoted.',
  },
  // ── integrations
  { id: 'salesforce', kind: 'integration', label: 'Salesforce', phrases: ['salesforce', 'sfdc'] },
  { id: 'hubspot', kind: 'integration', label: 'HubSpot', phrases: ['hubspot'] },
  {
    id: 'crm',
    kind: 'integration',
    label: 'CRM',
    broad: true,
    phrases: ['crm', 'salesforce', 'hubspot', 'pipedrive', 'dynamics 365'],
  },
  { id: 'slack', kind: 'integration', label: 'Slack', phrases: ['slack', 'slack connect'] },
  {
    id: 'msteams',
    kind: 'integration',
    label: 'Microsoft Teams',
    phrases: ['microsoft teams', 'ms teams'],
  },
  { id: 'jira', kind: 'integration', label: 'Jira', phrases: ['jira', 'atlassian'] },
  { id: 'zendesk', kind: 'integration', label: 'Zendesk', phrases: ['zendesk'] },
  {
    id: 'gdrive',
    kind: 'integration',
    label: 'Google Drive',
    phrases: ['google drive', 'gdrive', 'google workspace', 'google docs'],
  },
  { id: 'confluence', kind: 'integration', label: 'Confluence', phrases: ['confluence'] },
  { id: 'zapier', kind: 'integration', label: 'Zapier', phrases: ['zapier', 'make com', 'n8n'] },
  { id: 'shopify', kind: 'integration', label: 'Shopify', phrases: ['shopify'] },
  { id: 'stripe', kind: 'integration', label: 'Stripe', phrases: ['stripe'] },
  {
    id: 'snowflake',
    kind: 'integration',
    label: 'Snowflake',
    phrases: ['snowflake', 'bigquery', 'redshift', 'data warehouse'],
  },
  {
    id: 'api',
    kind: 'integration',
    label: 'API and webhooks',
    phrases: ['api', 'rest api', 'graphql', 'webhook', 'sdk', 'developer platform'],
    question:
      'Ask which integrations are native and which are a webhook project their IT team must own.',
  },
  {
    id: 'marketplace',
    kind: 'integration',
    label: 'app marketplace',
    broad: true,
    counter:
      'Ask for the list of apps they use every week; most teams need a handful. Check each against our native integrations before the next call.',
    phrases: [
      'marketplace',
      'app store',
      'apps',
      'integration',
      'connector',
      'plugin',
      'native integration',
    ],
    question:
      'Ask which of their marketplace apps are built and supported by them, and which by third parties.',
  },
  // ── price posture
  {
    id: 'price',
    kind: 'price',
    label: 'price',
    broad: true,
    phrases: [
      'price',
      'pricing',
      'cost',
      'costly',
      'cheap',
      'cheaper',
      'expensive',
      'budget',
      'per seat',
      'per user',
      'per agent',
      'fee',
      'tco',
      'total cost',
      'quote',
      'quoted',
      'discount',
      'affordable',
    ],
    question:
      'Ask for the total price over three years, with every add-on and the renewal terms in writing.',
  },
  {
    id: 'addon',
    kind: 'price',
    label: 'paid add-ons',
    phrases: [
      'add on',
      'addon',
      'billed separately',
      'extra cost',
      'sold separately',
      'paid extra',
      'surcharge',
      'per resolution',
    ],
    question:
      'Ask which features on their demo are paid add-ons, and what those add-ons cost per seat.',
  },
  {
    id: 'minimum',
    kind: 'price',
    label: 'seat minimums',
    phrases: [
      'minimum',
      'seat minimum',
      'minimum seats',
      'minimum agents',
      'minimum users',
      'empty seats',
    ],
    question:
      'Ask how many seats they require you to buy, and what a small regional team would pay.',
  },
  {
    id: 'renewal',
    kind: 'price',
    label: 'renewal increases',
    phrases: [
      'renewal',
      'uplift',
      'price increase',
      'price hike',
      'renewal quote',
      'returns to list',
    ],
    question:
      'Ask what the price is in year two and year three, and get the renewal cap in writing.',
  },
  {
    id: 'contract',
    kind: 'price',
    label: 'contract terms',
    phrases: [
      'annual contract',
      'annual only',
      'monthly billing',
      'multi year',
      'three year contract',
      'lock in',
      'locked in',
      'cancel anytime',
    ],
    question: 'Ask whether monthly billing is possible and what it costs to leave mid-contract.',
  },
  {
    id: 'free',
    kind: 'price',
    label: 'free plan',
    phrases: ['free plan', 'free tier', 'freemium', 'free trial', 'free forever'],
  },
  // ── quality of the product and the vendor
  {
    id: 'ease',
    kind: 'quality',
    label: 'ease of use',
    phrases: [
      'easy',
      'ease of use',
      'intuitive',
      'simple',
      'usability',
      'user friendly',
      'learning curve',
      'complex',
      'complicated',
      'clunky',
      'fragile',
      'confusing',
      'steep',
      'admin',
      'consultant',
      'no code',
    ],
    question:
      'Ask to see the everyday workflow live, on the screens their agents and admins use daily, not a scripted demo.',
  },
  {
    id: 'onboarding',
    kind: 'quality',
    label: 'time to value',
    phrases: [
      'onboarding',
      'implementation',
      'implement',
      'set up',
      'setup',
      'go live',
      'migration',
      'migrate',
      'time to value',
      'rollout',
      'deployment',
      'moved',
      'switched',
      'went live',
    ],
    question:
      'Ask for a dated implementation plan and how many months their typical rollout takes.',
  },
  {
    id: 'reliability',
    kind: 'quality',
    label: 'reliability',
    phrases: [
      'uptime',
      'outage',
      'incident',
      'downtime',
      'availability',
      'latency',
      'delayed',
      'service credit',
    ],
    question:
      'Ask for their uptime history for the last twelve months and which plans get service credits.',
  },
  {
    id: 'support',
    kind: 'quality',
    label: 'customer support',
    phrases: [
      'support is slow',
      'support response',
      'customer support',
      'support team',
      'response time',
      'csm',
      'customer success',
      'account manager',
      'ticket response',
      'support quality',
    ],
    question: 'Ask what support response times are guaranteed on the plan being quoted.',
  },
  {
    id: 'scale',
    kind: 'quality',
    label: 'scale',
    counter:
      'Ask what size they plan for in the next two years, then offer references and a load test at that size.',
    phrases: [
      'scale',
      'scalability',
      'scalable',
      'enterprise grade',
      'large team',
      'thousands of',
      'performance',
      'high volume',
    ],
    question: 'Ask for references running at your size, and what changed for them past that size.',
  },
  {
    id: 'brand',
    kind: 'quality',
    label: 'brand and safety',
    counter:
      'Ask what "safe" has to mean for them: predictable cost, uptime, a fast rollout. Then show evidence on each, with a reference customer of their size.',
    phrases: [
      'safe choice',
      'market leader',
      'leader',
      'incumbent',
      'brand',
      'trusted by',
      'analyst',
      'gartner',
      'forrester',
    ],
  },
  // ── capabilities
  {
    id: 'ai',
    kind: 'capability',
    label: 'AI',
    phrases: [
      'ai',
      'artificial intelligence',
      'copilot',
      'gpt',
      'llm',
      'machine learning',
      'generative',
      'genai',
      'ai agent',
      'ai draft',
      'reply suggestion',
      'suggested reply',
      'auto reply',
      'chatbot',
      'bot',
    ],
    question:
      'Ask what their AI can read on day one, what it costs per seat or per resolution, and which languages it supports.',
  },
  {
    id: 'reporting',
    kind: 'capability',
    label: 'reporting',
    phrases: [
      'report',
      'reporting',
      'dashboard',
      'analytics',
      'insight',
      'explore',
      'metrics',
      'bi',
    ],
    question: 'Ask them to build one of your weekly reports live, without a partner.',
  },
  {
    id: 'knowledge',
    kind: 'capability',
    label: 'knowledge base',
    phrases: [
      'knowledge base',
      'help center',
      'help centre',
      'article',
      'documentation',
      'docs',
      'guide',
      'faq',
    ],
  },
  {
    id: 'automation',
    kind: 'capability',
    label: 'workflow automation',
    question:
      'Ask them to change a live automation during the demo, and show how they test it before it goes live.',
    phrases: [
      'automation',
      'automate',
      'workflow',
      'trigger',
      'rule',
      'routing',
      'macro',
      'playbook',
    ],
  },
  {
    id: 'sla',
    kind: 'capability',
    label: 'SLA policies',
    phrases: ['sla', 'service level', 'escalation', 'breach'],
  },
  {
    id: 'mobile',
    kind: 'capability',
    label: 'mobile apps',
    phrases: ['mobile app', 'mobile', 'ios', 'android'],
  },
  {
    id: 'voice',
    kind: 'capability',
    label: 'voice and telephony',
    phrases: ['voice', 'phone', 'telephony', 'call center', 'contact center', 'callmesh', 'ivr'],
  },
  {
    id: 'chat',
    kind: 'capability',
    label: 'live chat',
    phrases: ['live chat', 'chat', 'messaging', 'whatsapp'],
  },
  {
    id: 'customisation',
    kind: 'capability',
    label: 'customisation',
    phrases: [
      'custom field',
      'custom role',
      'customizable',
      'customisable',
      'custom object',
      'sandbox',
    ],
  },
  {
    id: 'languages',
    kind: 'capability',
    label: 'languages',
    phrases: ['multilingual', 'language', 'translation', 'localisation', 'localization'],
  },
];

const BY_ID = new Map(CONCEPTS.map((concept) => [concept.id, concept]));

export function conceptById(id: string): Concept | undefined {
  return BY_ID.get(id);
}

interface CompiledPhrase {
  concept: string;
  tokens: string[];
}

// Phrases compiled once to stem sequences, indexed by their first stem for a fast scan.
const PHRASES_BY_FIRST = (() => {
  const index = new Map<string, CompiledPhrase[]>();
  for (const concept of CONCEPTS) {
    for (const phrase of concept.phrases) {
      const tokens = stems(phrase);
      if (tokens.length === 0) continue;
      const list = index.get(tokens[0]!) ?? [];
      list.push({ concept: concept.id, tokens });
      index.set(tokens[0]!, list);
    }
  }
  return index;
})();

/** The concepts a text mentions, by phrase match over stems. */
export function conceptsOf(text: string): Set<string> {
  return new Set(conceptsInOrder(text));
}

/** The concepts a text mentions, in order of first mention: the first is usually its subject. */
export function conceptsInOrder(text: string): string[] {
  const tokens = stems(text);
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const candidates = PHRASES_BY_FIRST.get(tokens[i]!);
    if (!candidates) continue;
    for (const phrase of candidates) {
      if (found.includes(phrase.concept)) continue;
      let match = true;
      for (let j = 1; j < phrase.tokens.length; j += 1) {
        if (tokens[i + j] !== phrase.tokens[j]) {
          match = false;
          break;
        }
      }
      if (match) found.push(phrase.concept);
    }
  }
  return found;
}

/** Shared concepts, weighted: a shared SOC 2 says more than a shared "security". */
export function conceptAffinity(a: Set<string>, b: Set<string>): number {
  let score = 0;
  for (const id of a) {
    if (!b.has(id)) continue;
    score += BY_ID.get(id)?.broad ? 0.4 : 1;
  }
  return score;
}

/** The specific (not broad) concepts of a set, of one kind when given. */
export function specificConcepts(set: Set<string>, kind?: ConceptKind): string[] {
  return [...set]
    .filter((id) => {
      const concept = BY_ID.get(id);
      return concept && !concept.broad && (kind === undefined || concept.kind === kind);
    })
    .sort();
}
