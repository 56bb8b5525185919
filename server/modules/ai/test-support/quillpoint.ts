import type { Services } from '../../../services';
import { insertCompetitor, insertEvidence } from '../../../test/core-factories';

/**
 * A fictional rival, Quillpoint, with the kinds of evidence a team collects: a pricing page,
 * a security page, a press release, review excerpts and win/loss notes. Written for these tests.
 */
export const QUILLPOINT_DOCS = [
  {
    kind: 'webpage' as const,
    title: 'Quillpoint pricing',
    url: 'https://quillpoint.example/pricing',
    content: [
      'Quillpoint Starter costs $29 per user per month, billed annually.',
      'The Growth plan is $59 per user per month and adds workflow automation and the Salesforce integration.',
      'Enterprise pricing is available on request and includes SSO, audit logs and a dedicated success manager.',
      'All plans include unlimited projects and 24/5 email support.',
    ].join(' '),
  },
  {
    kind: 'webpage' as const,
    title: 'Quillpoint security and compliance',
    url: 'https://quillpoint.example/security',
    content: [
      'Quillpoint is SOC 2 Type II certified and audited every year by an independent firm.',
      'Customer data is encrypted at rest with AES-256 and in transit with TLS 1.2 or later.',
      'Quillpoint is GDPR compliant and offers a data processing agreement to every customer.',
      'HIPAA support is not available today.',
    ].join(' '),
  },
  {
    kind: 'note' as const,
    title: 'Press release: Quillpoint raises Series B',
    url: 'https://quillpoint.example/news/series-b',
    content: [
      'Quillpoint, founded in 2017 and headquartered in Denver, today announced a $40 million Series B led by Northgate Ventures.',
      'The company now employs 220 people and serves more than 1,800 customers, including Brightline Foods and Corvala Health.',
      'Quillpoint will use the funding to expand its integrations with HubSpot, Slack and Microsoft Teams.',
    ].join(' '),
  },
  {
    kind: 'note' as const,
    title: 'Review excerpts (G2, Capterra)',
    url: null,
    content: [
      'Reviewers praise the clean interface and say onboarding takes less than a week.',
      'Several reviewers complain that reporting is slow and that exports to Excel often fail on large projects.',
      'One administrator wrote that the mobile app is unreliable and crashes when offline.',
    ].join(' '),
  },
  {
    kind: 'win_loss' as const,
    title: 'Win/loss: Harbor Logistics',
    url: null,
    content: [
      'We won Harbor Logistics against Quillpoint because their team needed HIPAA coverage and Quillpoint could not offer it.',
      'The buyer said Quillpoint was cheaper at list price but the Growth plan lacked the audit trail they required.',
    ].join(' '),
  },
];

/** Quillpoint and its five documents in `workspaceId`; returns the competitor id. */
export async function seedQuillpoint(services: Services, workspaceId: string): Promise<string> {
  const rival = await insertCompetitor(services, workspaceId, {
    name: `Quillpoint ${Math.random().toString(36).slice(2, 6)}`,
    website: 'https://quillpoint.example',
    summary: 'Project workspace for operations teams.',
  });
  let day = 0;
  for (const doc of QUILLPOINT_DOCS) {
    await insertEvidence(services, {
      workspaceId,
      competitorId: rival.id,
      ...doc,
      capturedAt: new Date(Date.now() - ++day * 86_400_000),
    });
  }
  return rival.id;
}
