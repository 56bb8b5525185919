import type { WebhookFormat } from '../../../common/notifications';

/** What a webhook says about one change, whatever the format. */
export interface ChangeEvent {
  id: string;
  workspaceId: string;
  competitor: { id: string; name: string };
  class: string;
  importance: number;
  summary: string;
  url: string;
  priceChanges: { label: string | null; from: string; to: string }[];
  detectedAt: string;
  /** Where the change opens in Ringside. */
  link: string;
}

export type WebhookEvent =
  | { type: 'change.detected'; deliveryId: string; change: ChangeEvent }
  | { type: 'webhook.test'; deliveryId: string; workspaceId: string; link: string };

const percent = (importance: number) => `${Math.round(importance * 100)}%`;

/** Slack mrkdwn treats &, < and > as control characters; page text must not inject links. */
const slackEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function headline(event: WebhookEvent): { title: string; text: string; link: string } {
  if (event.type === 'webhook.test') {
    return {
      title: 'Ringside test notification',
      text: 'This webhook is set up correctly: Ringside can reach it.',
      link: event.link,
    };
  }
  const c = event.change;
  const prices = c.priceChanges.map((p) => `${p.label ? `${p.label}: ` : ''}${p.from} → ${p.to}`);
  return {
    title: `${c.competitor.name}: ${c.class} change`,
    text: [c.summary, ...prices].join('\n'),
    link: c.link,
  };
}

function slack(event: WebhookEvent) {
  const h = headline(event);
  const context =
    event.type === 'change.detected'
      ? `Importance ${percent(event.change.importance)} · <${event.change.url}|source page>`
      : 'Sent from Settings → Notifications';
  return {
    text: `${h.title}: ${h.text}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: h.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: slackEscape(h.text).slice(0, 2900) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Open in Ringside' },
            url: h.link,
          },
        ],
      },
    ],
  };
}

/** An Office 365 connector MessageCard, which Teams incoming webhooks accept. */
function teams(event: WebhookEvent) {
  const h = headline(event);
  const facts =
    event.type === 'change.detected'
      ? [
          { name: 'Competitor', value: event.change.competitor.name },
          { name: 'Class', value: event.change.class },
          { name: 'Importance', value: percent(event.change.importance) },
          { name: 'Source', value: event.change.url },
        ]
      : [];
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: h.title,
    themeColor: '1565C0',
    title: h.title,
    text: h.text.replace(/\n/g, '<br>'),
    sections: facts.length > 0 ? [{ facts }] : [],
    potentialAction: [
      {
        '@type': 'OpenUri',
        name: 'Open in Ringside',
        targets: [{ os: 'default', uri: h.link }],
      },
    ],
  };
}

/** Our own event: stable field names, documented in OpenAPI. */
function generic(event: WebhookEvent) {
  if (event.type === 'webhook.test') {
    return {
      id: event.deliveryId,
      type: event.type,
      workspaceId: event.workspaceId,
      data: { message: 'Ringside test notification', link: event.link },
    };
  }
  return {
    id: event.deliveryId,
    type: event.type,
    workspaceId: event.change.workspaceId,
    data: { change: event.change },
  };
}

/** The request body for `format`, as the exact string that is signed and sent. */
export function webhookBody(format: WebhookFormat, event: WebhookEvent): string {
  const body =
    format === 'slack' ? slack(event) : format === 'teams' ? teams(event) : generic(event);
  return JSON.stringify(body);
}
