import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../../common/monitoring';
import type { Digest, DigestSummary, Inbox } from '../../../common/notifications';
import { digest } from '../../db/schema';
import { type LocalServer, startLocalServer } from '../../lib/safe-fetch/test-servers';
import { addMember, registerOwner } from '../../test/factories';
import { eventually } from '../../test/harness';
import { useTestApp } from '../../test/test-app';
import { useFetcherOptions } from '../sources/fetcher';
import { checkSource } from '../sources/source-check';
import { buildDigests } from './digest-build';
import { lastCompletePeriod } from './digest-period';
import { startSmtpServer } from './notifications.test-support';

/** Digests built from real changes of a real page, e-mailed to a real SMTP server on 127.0.0.1. */
const smtp = await startSmtpServer();
const t = useTestApp({
  env: { SAFE_FETCH_ALLOW: '127.0.0.1', SMTP_URL: smtp.url, SMTP_FROM: 'Ringside <rs@test>' },
  jobs: {},
});

const DAY = 24 * 60 * 60 * 1000;
const pages = new Map<string, string>();
let site: LocalServer;

beforeAll(async () => {
  site = await startLocalServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(body);
  });
  useFetcherOptions(t.services, { allow: ['127.0.0.1'], timeoutMs: 3_000 });
});
afterAll(async () => {
  await site.close();
  await smtp.close();
});

const page = (price: string) => `<html><head><title>Pricing</title></head><body><main>
<p>The Pro plan costs ${price} per user per month.</p><p>Includes SSO.</p></main></body></html>`;

describe('digests', () => {
  it('period boundaries are UTC days and Monday-started weeks', () => {
    const friday = new Date('2026-11-27T15:00:00Z');
    expect(lastCompletePeriod('daily', friday)).toMatchObject({
      key: 'daily:2026-11-26',
      start: new Date('2026-11-26T00:00:00Z'),
      end: new Date('2026-11-27T00:00:00Z'),
    });
    expect(lastCompletePeriod('weekly', friday)).toMatchObject({
      key: 'weekly:2026-11-16',
      end: new Date('2026-11-23T00:00:00Z'),
    });
    expect(lastCompletePeriod('weekly', new Date('2026-11-23T00:00:00Z')).key).toBe(
      'weekly:2026-11-16',
    );
  });

  it('a digest holds the notable changes of its period, is built once and e-mailed once', async () => {
    const owner = await registerOwner(t.app, { name: 'Olivia Owner' });
    const editor = await addMember(t.app, owner, 'editor');
    const viewer = await addMember(t.app, owner, 'viewer');
    const stranger = await registerOwner(t.app);
    const prefs = '/api/v1/me/notification-preferences';
    expect((await t.call(owner, 'GET', prefs)).json()).toEqual({
      digestFrequency: 'daily',
      digestEmail: false,
      emailAvailable: true,
    });
    expect((await t.call(owner, 'PATCH', prefs, { digestEmail: true })).json()).toMatchObject({
      digestFrequency: 'daily',
      digestEmail: true,
    });
    await t.call(editor, 'PATCH', prefs, { digestFrequency: 'weekly' });
    await t.call(viewer, 'PATCH', prefs, { digestFrequency: 'none' });

    const path = `/p-${Math.random().toString(36).slice(2)}`;
    pages.set(path, page('$49'));
    const competitor = await t.create<{ id: string }>(owner, '/api/v1/competitors', {
      name: 'Rival Digest',
    });
    const src = await t.create<Source>(owner, `/api/v1/competitors/${competitor.id}/sources`, {
      url: `${site.origin}${path}`,
    });
    await checkSource(t.services, src.id);
    const changeIds: string[] = [];
    for (const [price, notable] of [
      ['$59', true],
      ['$69', false],
      ['$79', true],
    ] as const) {
      const settings = '/api/v1/workspaces/current/notification-settings';
      await t.call(owner, 'PATCH', settings, { changeAlertThreshold: notable ? 0.3 : 1 });
      pages.set(path, page(price));
      const outcome = await checkSource(t.services, src.id);
      expect(outcome).toMatchObject({ outcome: 'changed', announced: notable });
      if (notable) changeIds.push((outcome as { changeId: string }).changeId);
    }
    // The bell shows the two notable ones, unread.
    const inbox = (await t.call(owner, 'GET', '/api/v1/notifications/inbox')).json<Inbox>();
    expect(inbox.unreadCount).toBe(2);
    expect(inbox.items.map((i) => i.id).sort()).toEqual([...changeIds].sort());

    const tomorrow = new Date(Date.now() + DAY);
    await buildDigests(t.services, tomorrow);
    await buildDigests(t.services, tomorrow);
    const workspaceId = owner.auth.workspace.id;
    const rows = await t.db().select().from(digest).where(eq(digest.workspaceId, workspaceId));
    // The owner's daily only: the editor's week has not ended, the viewer chose none.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBe(owner.auth.user.id);

    const list = (await t.call(owner, 'GET', '/api/v1/digests')).json<{ items: DigestSummary[] }>();
    expect(list.items).toEqual([
      expect.objectContaining({ frequency: 'daily', changeCount: 2, id: rows[0]!.id }),
    ]);
    const one = (await t.call(owner, 'GET', `/api/v1/digests/${rows[0]!.id}`)).json<Digest>();
    expect(one.changes.map((c) => c.id).sort()).toEqual([...changeIds].sort());
    expect(one.changes[0]).toMatchObject({
      class: 'pricing',
      competitor: { name: 'Rival Digest' },
    });
    // Personal: nobody else reads it.
    expect((await t.call(viewer, 'GET', `/api/v1/digests/${rows[0]!.id}`)).statusCode).toBe(404);
    expect((await t.call(stranger, 'GET', `/api/v1/digests/${rows[0]!.id}`)).statusCode).toBe(404);

    const mail = await eventually(async () => {
      const found = smtp.mails.filter((m) => m.to.includes(owner.email));
      return found.length > 0 ? found : undefined;
    });
    await eventually(async () => {
      const [row] = await t.db().select().from(digest).where(eq(digest.id, rows[0]!.id));
      return row!.emailStatus === 'sent' ? true : undefined;
    });
    expect(mail).toHaveLength(1);
    // Quoted-printable: soft line breaks and =XX escapes.
    const raw = mail[0]!.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(raw).toMatch(/Subject: Ringside daily digest: 2 competitor changes/);
    expect(raw).toContain('text/plain');
    expect(raw).toContain('text/html');
    for (const id of changeIds) expect(raw).toContain(`/changes?change=${id}`);
    expect(mail[0]!.from).toBe('rs@test');
    expect(smtp.mails.filter((m) => m.to.includes(viewer.email))).toHaveLength(0);

    // A week later: the editor's weekly digest has the same two changes (in-app only); the
    // owner's next daily has nothing new, so none is stored.
    await buildDigests(t.services, new Date(Date.now() + 7 * DAY));
    const weekly = await t
      .db()
      .select()
      .from(digest)
      .where(and(eq(digest.workspaceId, workspaceId), eq(digest.userId, editor.auth.user.id)));
    expect(weekly).toHaveLength(1);
    expect(weekly[0]!.changeIds.sort()).toEqual([...changeIds].sort());
    expect(weekly[0]!.emailStatus).toBe('off');
    expect(
      await t.db().select().from(digest).where(eq(digest.userId, owner.auth.user.id)),
    ).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.to.includes(editor.email))).toHaveLength(0);
  });
});
