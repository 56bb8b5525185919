/**
 * Nimbusly, an invented competitor for benchmarks and drills: document `i` is ~5 kB of
 * realistic text (pricing, security, integrations, reviews, customers, news), different per i.
 */
const PLANS = ['Starter', 'Team', 'Business', 'Enterprise'];
const CERTS = ['SOC 2 Type II', 'ISO 27001', 'GDPR', 'HIPAA'];
const TOOLS = ['Salesforce', 'HubSpot', 'Slack', 'Microsoft Teams', 'Zendesk', 'Jira'];

export function nimbuslyDocument(i: number): string {
  const parts: string[] = [];
  for (let p = 0; parts.join(' ').length < 5_000; p++) {
    const n = i * 31 + p;
    parts.push(
      `The ${PLANS[n % 4]} plan costs $${19 + (n % 9) * 10} per user per month, billed annually.`,
      `Nimbusly is ${CERTS[n % 4]} compliant and encrypts customer data at rest with AES-256.`,
      `It integrates with ${TOOLS[n % 6]} and ${TOOLS[(n + 2) % 6]} out of the box.`,
      `Reviewers say onboarding took ${2 + (n % 5)} weeks and that reporting is slow on large accounts.`,
      `Customers include Brightline Foods, Corvala Health and Harbor Logistics ${n}.`,
      `In release ${i}.${p}, Nimbusly announced workflow automation for operations teams.`,
    );
  }
  return parts.join(' ');
}
