import type { Concept } from './concepts';

/**
 * Lexicon, part one: the platform words — certifications, security controls and the
 * integrations buyers name. Specific concepts (SOC 2, Salesforce) weigh more than broad ones.
 */
export const PLATFORM_CONCEPTS: Concept[] = [
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
];
