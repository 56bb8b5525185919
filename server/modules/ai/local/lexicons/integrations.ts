/**
 * Integrations: well-known SaaS products, found when the sentence talks about connecting
 * (or when the line sits under an "Integrations" heading), plus the capitalised items of
 * "integrates with X, Y and Z" lists for names not in the list.
 */

export const INTEGRATION_NAMES = [
  'Salesforce',
  'HubSpot',
  'Hubspot',
  'Marketo',
  'Pardot',
  'Eloqua',
  'Mailchimp',
  'Klaviyo',
  'Intercom',
  'Zendesk',
  'Freshdesk',
  'Freshworks',
  'ServiceNow',
  'Jira',
  'Confluence',
  'Trello',
  'Asana',
  'Monday.com',
  'ClickUp',
  'Notion',
  'Airtable',
  'Smartsheet',
  'Basecamp',
  'Linear',
  'GitHub',
  'GitLab',
  'Bitbucket',
  'Slack',
  'Microsoft Teams',
  'MS Teams',
  'Zoom',
  'Google Meet',
  'Webex',
  'Google Workspace',
  'G Suite',
  'Gmail',
  'Google Drive',
  'Google Calendar',
  'Google Sheets',
  'Google Analytics',
  'Google Ads',
  'BigQuery',
  'Microsoft 365',
  'Office 365',
  'Outlook',
  'SharePoint',
  'OneDrive',
  'Dynamics 365',
  'Microsoft Dynamics',
  'Power BI',
  'Excel',
  'Tableau',
  'Looker',
  'Snowflake',
  'Databricks',
  'Redshift',
  'Segment',
  'Mixpanel',
  'Amplitude',
  'Heap',
  'Pendo',
  'Gong',
  'Chorus',
  'Outreach',
  'Salesloft',
  'Apollo',
  'ZoomInfo',
  'Clearbit',
  'LinkedIn Sales Navigator',
  'LinkedIn',
  'Highspot',
  'Seismic',
  'Showpad',
  'Guru',
  'Okta',
  'Azure AD',
  'Azure Active Directory',
  'Entra ID',
  'OneLogin',
  'Ping Identity',
  'JumpCloud',
  'Auth0',
  'Stripe',
  'Chargebee',
  'Recurly',
  'Zuora',
  'QuickBooks',
  'Xero',
  'NetSuite',
  'SAP',
  'Workday',
  'BambooHR',
  'Greenhouse',
  'Lever',
  'DocuSign',
  'PandaDoc',
  'Dropbox',
  'Box',
  'Zapier',
  'Make',
  'Workato',
  'Tray.io',
  'MuleSoft',
  'Twilio',
  'SendGrid',
  'Calendly',
  'Typeform',
  'SurveyMonkey',
  'Shopify',
  'WordPress',
  'Webflow',
  'Figma',
  'Miro',
  'Loom',
  'Datadog',
  'PagerDuty',
  'Opsgenie',
  'Sentry',
  'New Relic',
  'Splunk',
  'AWS',
  'Amazon S3',
  'Azure',
  'Google Cloud',
  'GCP',
  'Kubernetes',
  'Terraform',
  'Pipedrive',
  'Zoho CRM',
  'Zoho',
  'Freshsales',
  'Copper',
  'Close',
  'Aircall',
  'RingCentral',
  'Dialpad',
  'Vonage',
  'Front',
  'Help Scout',
  'Gainsight',
  'ChurnZero',
  'Totango',
  'Vitally',
  'Crayon',
  'Klue',
  'Microsoft Power Automate',
  'Power Automate',
  'ChatGPT',
  'OpenAI',
  'Claude',
  'Jotform',
  'Hootsuite',
  'Sprout Social',
  'Canva',
  'Adobe',
  'Marketo Engage',
  'Veeva',
  'Epic',
  'Cerner',
];

/** Names that are also ordinary English words: only taken in an explicit integration list. */
const AMBIGUOUS = new Set([
  'Make',
  'Close',
  'Front',
  'Box',
  'Copper',
  'Heap',
  'Linear',
  'Lever',
  'Guru',
  'Segment',
  'Apollo',
  'Excel',
  'Epic',
  'Outreach',
  'Claude',
  'Zoom',
  'Chorus',
  'Canva',
  'Adobe',
  'SAP',
]);

const CANONICAL: Record<string, string> = {
  Hubspot: 'HubSpot',
  'MS Teams': 'Microsoft Teams',
  'G Suite': 'Google Workspace',
  'Office 365': 'Microsoft 365',
  'Azure Active Directory': 'Azure AD',
  'Entra ID': 'Azure AD',
  'Microsoft Dynamics': 'Dynamics 365',
  'Marketo Engage': 'Marketo',
  'Power Automate': 'Microsoft Power Automate',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first so "Microsoft Teams" wins over "Teams", "Google Drive" over "Google".
const NAMES_RE = new RegExp(
  String.raw`(?<![\w.])(?:${[...INTEGRATION_NAMES]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\w])`,
  'g',
);

export interface NameMention {
  name: string;
  start: number;
  end: number;
}

/** Known product names in `sentence`; ambiguous ones only when `strict` is false. */
export function findKnownProducts(sentence: string, includeAmbiguous: boolean): NameMention[] {
  const found: NameMention[] = [];
  NAMES_RE.lastIndex = 0;
  for (let m = NAMES_RE.exec(sentence); m; m = NAMES_RE.exec(sentence)) {
    if (!includeAmbiguous && AMBIGUOUS.has(m[0])) continue;
    found.push({ name: CANONICAL[m[0]] ?? m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

export const INTEGRATION_CUE =
  /\bintegrat(?:es|ed|ion|ions|ing|e)\b|\bconnectors?\b|\bconnects? (?:to|with)\b|\bsyncs?\b|\bsyncing\b|\bsynchroni[sz]\w*|\bplug-?ins?\b|\badd-?ons?\b|\bworks (?:natively )?with\b|\bnative(?:ly)?\b|\bmarketplace\b|\bapp for\b|\btwo-way\b|\bbi-?directional\b|\bpushes? \w+(?: \w+)? (?:to|into)\b|\bimports? from\b|\bexports? to\b|\bembed(?:s|ded)? in\b/i;

/** "integrates with Acme, Foo Bar and Baz": the list after the cue. */
export const INTEGRATION_LIST_CUE =
  /\b(?:integrat(?:es|ions?|e) (?:natively )?(?:with|for)|connectors? (?:for|to)|connects? (?:to|with)|syncs? with|works (?:natively )?with|integrations? (?:include|including|such as|like))\s+/i;
