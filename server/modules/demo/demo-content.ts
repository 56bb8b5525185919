import { helpforge } from './content/helpforge';
import { querybird } from './content/querybird';
import { replyloop } from './content/replyloop';
import type { DemoCompetitor, DemoProduct } from './demo-types';

/** Who signs in to the demo, and what the workspace is called. */
export const DEMO_ACCOUNT = {
  email: 'demo@ringside.local',
  name: 'Demo Admin',
  workspaceName: 'Ringside demo',
} as const;

/**
 * "Our product" in the demo: Tidewell, an invented help desk for B2B software companies. The
 * demo is a product marketer at Tidewell selling against three invented rivals.
 */
export const DEMO_PRODUCT: DemoProduct = {
  name: 'Tidewell',
  pitch:
    'The help desk for B2B software teams: every ticket arrives with the account behind it, AI drafts cite your own docs, and SLAs hold.',
  capabilities: [
    'Shared inbox and ticketing across email, chat, Slack Connect and web forms',
    'Account context on every ticket: plan, ARR, health score and open deals from the CRM',
    'AI reply drafts grounded in your help center and Google Drive, each linking to its source',
    'SLA policies per customer plan, with breach alerts and escalation paths',
    'Two-way Salesforce and HubSpot sync with a full change log',
    'Dashboards by any customer field (plan, region, ARR), scheduled by email',
    'Help center and status page included',
    'SOC 2 Type II, GDPR, EU data residency; SAML SSO and SCIM on Growth and above',
  ],
  pricing: [
    'Starter — $29 per agent per month, billed annually. No seat minimum.',
    'Growth — $69 per agent per month, billed annually. AI drafts, SLA policies, Salesforce and HubSpot sync, SSO and SCIM.',
    'Enterprise — from $99 per agent per month. EU data residency, sandbox, custom roles, 99.95% uptime SLA.',
    'AI drafts are included from Growth up, with no per-resolution fees. Monthly billing is available at +20%. Light seats for occasional helpers are free.',
  ].join('\n'),
  proofPoints: [
    { kind: 'customer', text: 'Brightpath Analytics moved 42 agents from Helpforge in 19 days' },
    {
      kind: 'customer',
      text: 'Ardent Payroll chose Tidewell after a SOC 2 Type II security review',
    },
    {
      kind: 'metric',
      text: 'Median first response time down 38% in the first 90 days (customers who migrated in the last year)',
    },
    { kind: 'metric', text: '61% of AI drafts are sent without edits' },
    {
      kind: 'quote',
      text: '"We stopped asking customers for their account ID. Tidewell already knows." — Head of Support, Brightpath Analytics',
    },
    { kind: 'award', text: 'Rated 4.7 out of 5 by support leaders across 312 verified reviews' },
  ],
};

/** Primary, secondary and emerging: one of each tier. */
export const DEMO_COMPETITORS: DemoCompetitor[] = [helpforge, querybird, replyloop];
