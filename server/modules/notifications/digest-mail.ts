import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { DigestChange } from '../../../common/notifications';
import type { Services } from '../../services';

/** Digest e-mail: plain text and simple HTML with the same content, links to each change. */

const transports = new WeakMap<Services, Transporter>();

function transportFor(services: Services): Transporter | undefined {
  const smtp = services.config.smtp;
  if (!smtp) return undefined;
  let transport = transports.get(services);
  if (!transport) {
    transport = nodemailer.createTransport(smtp.url, { from: smtp.from });
    transports.set(services, transport);
  }
  return transport;
}

export const emailAvailable = (services: Services) => services.config.smtp !== undefined;

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export interface DigestMail {
  to: string;
  recipientName: string;
  workspaceName: string;
  frequency: 'daily' | 'weekly';
  periodLabel: string;
  changes: DigestChange[];
  /** Link of each change, by id. */
  linkOf(changeId: string): string;
  digestLink: string;
}

export function renderDigestMail(mail: DigestMail): {
  subject: string;
  text: string;
  html: string;
} {
  const n = mail.changes.length;
  const what = `${n} competitor change${n === 1 ? '' : 's'}`;
  const subject = `Ringside ${mail.frequency} digest: ${what} (${mail.workspaceName})`;
  const line = (c: DigestChange) =>
    `- ${c.competitor.name} · ${c.class} · ${Math.round(c.importance * 100)}%: ${c.summary}\n  ${mail.linkOf(c.id)}`;
  const text = [
    `Hello ${mail.recipientName},`,
    '',
    `${what} in ${mail.workspaceName}, ${mail.periodLabel}:`,
    '',
    ...mail.changes.map(line),
    '',
    `All of it in Ringside: ${mail.digestLink}`,
    'Change how often you get this under Settings → Notifications.',
  ].join('\n');
  const items = mail.changes
    .map(
      (c) => `<li style="margin-bottom:10px"><strong>${escapeHtml(c.competitor.name)}</strong>
<span style="color:#555">· ${escapeHtml(c.class)} · ${Math.round(c.importance * 100)}%</span><br>
${escapeHtml(c.summary)}<br><a href="${escapeHtml(mail.linkOf(c.id))}">Open the change</a></li>`,
    )
    .join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222;max-width:640px">
<p>Hello ${escapeHtml(mail.recipientName)},</p>
<p>${escapeHtml(what)} in <strong>${escapeHtml(mail.workspaceName)}</strong>, ${escapeHtml(mail.periodLabel)}:</p>
<ul style="padding-left:18px">${items}</ul>
<p><a href="${escapeHtml(mail.digestLink)}">See the digest in Ringside</a></p>
<p style="color:#777;font-size:12px">Change how often you get this under Settings → Notifications.</p>
</body></html>`;
  return { subject, text, html };
}

/** Sends one digest; throws when the SMTP server refuses (the job retries). */
export async function sendDigestMail(services: Services, mail: DigestMail): Promise<void> {
  const transport = transportFor(services);
  if (!transport) throw new Error('SMTP is not configured');
  const { subject, text, html } = renderDigestMail(mail);
  await transport.sendMail({ to: mail.to, subject, text, html });
}
