/**
 * Accounts end to end, team flows: sign-up, sign-out/in, invites accepted in a second
 * browser, role changes seen by the invited person, API keys, password change, audit log and
 * workspace switching.
 *
 * One server for the file (it takes seconds to start); each test makes its own accounts and
 * workspaces, so none depends on another or on their order.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, navigate, registerViaApi, signIn, signOut, signUp } from './auth-flows';
import { launchBrowser, newPage, startServer, type RunningServer } from './harness';
import { createInvite, people, responseTo, shoot, shootFailure } from './account-steps';

describe('accounts', () => {
  let server!: RunningServer;
  let browser!: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    const started = { server, browser } as { server?: RunningServer; browser?: Browser };
    await started.browser?.close();
    await started.server?.stop();
  });

  it('sign-up, sign-out, sign-in, invite, accept in a second browser, change the role', async () => {
    const { owner, invitee } = people('main');
    const workspace = 'Acme Product Marketing';
    const a = await newPage(browser, 'desktop');
    const b = await newPage(browser, 'desktop');
    const ownerPage = a.page;
    const inviteePage = b.page;
    try {
      // A protected page sends a stranger to sign-in, remembering where they were going.
      await ownerPage.goto(`${server.baseUrl}/settings/members`);
      await ownerPage.waitForURL(`${server.baseUrl}/sign-in?next=%2Fsettings%2Fmembers`);
      await ownerPage.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shoot(ownerPage, 'sign-in', 'desktop');

      // Sign up from there: a new workspace, then straight on to the page asked for.
      await ownerPage.getByRole('link', { name: 'Create a workspace' }).click();
      await ownerPage.waitForURL(/\/sign-up\?next=/);
      await ownerPage.getByRole('heading', { name: 'Create your workspace' }).waitFor();
      await shoot(ownerPage, 'sign-up', 'desktop');
      await signUp(ownerPage, owner, workspace);
      await ownerPage.waitForURL(`${server.baseUrl}/settings/members`);
      expect(await ownerPage.getByTestId('workspace-switcher').textContent()).toContain(workspace);

      // Sign out; sign in again; sign-in is for signed-out people only.
      await signOut(ownerPage);
      expect(ownerPage.url()).toBe(`${server.baseUrl}/sign-in`);
      await signIn(ownerPage, owner);
      await ownerPage.waitForURL(`${server.baseUrl}/`);
      await ownerPage.goto(`${server.baseUrl}/sign-in`);
      await ownerPage.getByTestId('workspace-switcher').waitFor();
      expect(ownerPage.url()).toBe(`${server.baseUrl}/`);

      // A reload keeps the session: the refresh cookie is exchanged silently.
      await ownerPage.reload();
      await ownerPage.getByTestId('workspace-switcher').waitFor();
      await ownerPage.getByTestId('system-status-overall').waitFor();
      await shoot(ownerPage, 'home', 'desktop');

      // The Settings group of the navigation; an owner sees the audit log too.
      const nav = ownerPage.getByRole('navigation', { name: 'Main' });
      for (const label of ['Members', 'API keys', 'Account', 'Audit log']) {
        expect(await nav.getByRole('link', { name: label }).isVisible()).toBe(true);
      }

      // Invite a viewer and read the one-time link from the dialog.
      await navigate(ownerPage, 'Members');
      await ownerPage.getByRole('heading', { name: 'Members (1)' }).waitFor();
      await ownerPage.getByText('No pending invites').waitFor();
      await shoot(ownerPage, 'members-empty', 'desktop');
      const inviteLink = await createInvite(ownerPage, invitee.email);
      expect(inviteLink.startsWith(`${server.baseUrl}/accept-invite?token=`)).toBe(true);
      await shoot(ownerPage, 'invite-dialog', 'desktop');
      await ownerPage.getByRole('button', { name: 'Done' }).click();
      await ownerPage.getByRole('dialog').waitFor({ state: 'hidden' });
      await ownerPage.getByTestId(`invite-${invitee.email}`).waitFor();

      // The second browser opens the link: who invited them, to what, with which role.
      await inviteePage.goto(inviteLink);
      await inviteePage.getByRole('heading', { name: `Join ${workspace}` }).waitFor();
      const summary = inviteePage.getByTestId('invite-summary');
      expect(await summary.textContent()).toContain(`Invited by ${owner.name}`);
      expect(await summary.textContent()).toContain('Viewer');
      await shoot(inviteePage, 'accept-invite', 'desktop');
      await inviteePage.locator('input[name="name"]').fill(invitee.name);
      await inviteePage.locator('input[name="password"]').fill(invitee.password);
      await inviteePage.getByRole('button', { name: 'Create account and join' }).click();
      await inviteePage.waitForURL(`${server.baseUrl}/`);
      const inviteeSwitcher = inviteePage.getByTestId('workspace-switcher');
      expect(await inviteeSwitcher.textContent()).toContain(workspace);

      // A viewer reads the member list but cannot change it, and has no audit log.
      const inviteeNav = inviteePage.getByRole('navigation', { name: 'Main' });
      expect(await inviteeNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      await navigate(inviteePage, 'Members');
      await inviteePage.getByRole('heading', { name: 'Members (2)' }).waitFor();
      expect(await inviteePage.getByRole('button', { name: 'Invite people' }).count()).toBe(0);
      expect(await inviteePage.getByRole('combobox').count()).toBe(0);
      expect(await inviteePage.getByRole('button', { name: /^Disable / }).count()).toBe(0);
      expect(await inviteePage.getByText('Pending invites').count()).toBe(0);
      await shoot(inviteePage, 'members-viewer', 'desktop');
      await navigate(inviteePage, 'Account');
      expect(await inviteePage.getByTestId('account-role').textContent()).toBe('Viewer');

      // The owner sees the new member (and the invite gone) and makes them an editor.
      await ownerPage.reload();
      await ownerPage.getByRole('heading', { name: 'Members (2)' }).waitFor();
      await ownerPage.getByText('No pending invites').waitFor();
      const roleSelect = ownerPage.getByRole('combobox', { name: `Role of ${invitee.name}` });
      expect(await roleSelect.textContent()).toBe('Viewer');
      // Nobody gets controls for their own row.
      const ownRole = ownerPage.getByRole('combobox', { name: `Role of ${owner.name}` });
      expect(await ownRole.count()).toBe(0);
      await roleSelect.click();
      const patched = responseTo(ownerPage, 'PATCH', /^\/api\/v1\/members\//);
      await ownerPage.getByRole('option', { name: 'Editor' }).click();
      expect((await patched).status()).toBe(200);
      await roleSelect.filter({ hasText: /^Editor$/ }).waitFor();
      await shoot(ownerPage, 'members', 'desktop');

      // The invited person sees the new role after a reload.
      await inviteePage.reload();
      await inviteePage
        .getByTestId('account-role')
        .filter({ hasText: /^Editor$/ })
        .waitFor();

      // Disabling asks first; enabling again is one click.
      const inviteeErrorsBefore = b.errors.length;
      await ownerPage.getByRole('button', { name: `Disable ${invitee.name}` }).click();
      await ownerPage.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
      await ownerPage.getByRole('dialog').waitFor({ state: 'hidden' });
      // The disabled person's open tab hears it live (/ws) and is signed out at once.
      await inviteePage.waitForURL(/\/sign-in/);
      await ownerPage.getByRole('button', { name: `Enable ${invitee.name}` }).click();
      await ownerPage.getByRole('button', { name: `Disable ${invitee.name}` }).waitFor();

      expect(a.errors).toEqual([]);
      // Before the disable, nothing; after it, only the refused /me and refresh of that tab.
      expect(b.errors.slice(0, inviteeErrorsBefore)).toEqual([]);
      for (const error of b.errors.slice(inviteeErrorsBefore)) {
        expect(error).toMatch(/status of 401 .*\/api\/v1\/(me|auth\/refresh)$/);
      }
    } catch (error) {
      await shootFailure({ owner: ownerPage, invitee: inviteePage });
      throw error;
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('API keys, password change and the audit log', async () => {
    const { owner } = people('keys');
    await registerViaApi(server.baseUrl, owner, 'Keys Inc');
    const { context, page, errors } = await newPage(browser, 'desktop');
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await signIn(page, owner);

      // API keys: an empty state, a secret shown once, revoke after a confirmation.
      await navigate(page, 'API keys');
      await page.getByText('No API keys yet').waitFor();
      await shoot(page, 'api-keys-empty', 'desktop');
      await page.getByRole('button', { name: 'Create API key' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[name="name"]').fill('CRM sync');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      await dialog.getByTestId('api-key-once-warning').waitFor();
      const secret = await dialog.getByTestId('api-key-secret').inputValue();
      expect(secret.length).toBeGreaterThan(20);
      await shoot(page, 'api-key-secret', 'desktop');
      await dialog.getByRole('button', { name: "I've copied it" }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('api-key-CRM sync');
      await row.waitFor();
      const rowText = (await row.textContent()) ?? '';
      expect(rowText).toContain(secret.slice(0, 6));
      expect(rowText).not.toContain(secret);

      // The key works against the API.
      const me = await callApi<{ via: string }>(server.baseUrl, 'GET', '/api/v1/me', {
        token: secret,
      });
      expect(me.via).toBe('api_key');

      await page.getByRole('button', { name: 'Create API key' }).click();
      await dialog.locator('input[name="name"]').fill('Slack bot');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      await dialog.getByTestId('api-key-secret').waitFor();
      await dialog.getByRole('button', { name: "I've copied it" }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Revoke Slack bot' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('api-key-Slack bot').getByText('Revoked').waitFor();
      await shoot(page, 'api-keys', 'desktop');

      // Change the password; the session here continues, also across a reload.
      await navigate(page, 'Account');
      await page.getByRole('heading', { name: 'Change password' }).waitFor();
      const newPassword = 'saffron glacier ladder pixel';
      await page.locator('input[name="currentPassword"]').fill(owner.password);
      await page.locator('input[name="newPassword"]').fill(newPassword);
      await page.locator('input[name="confirmPassword"]').fill(newPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByTestId('password-changed').waitFor();
      await shoot(page, 'account', 'desktop');
      await page.reload();
      await page.getByTestId('account-role').waitFor();

      // The audit log lists what happened, newest first.
      await navigate(page, 'Audit log');
      await page.getByTestId('audit-event').first().waitFor();
      const rows = await page.getByTestId('audit-event').all();
      const types = await Promise.all(rows.map((r) => r.getAttribute('data-type')));
      expect(types.length).toBeGreaterThan(3);
      await shoot(page, 'audit', 'desktop');

      expect(errors).toEqual([]);
    } catch (error) {
      await shootFailure({ page });
      throw error;
    } finally {
      await context.close();
    }
  });

  it('an existing account joins a second workspace and switches between them', async () => {
    const { owner, other } = people('switch');
    await registerViaApi(server.baseUrl, owner, 'Alpha Labs');
    // Someone else runs their own workspace and invites the owner into it.
    const { accessToken } = await registerViaApi(server.baseUrl, other, 'Beta Corp');
    const { inviteUrl } = await callApi<{ inviteUrl: string }>(
      server.baseUrl,
      'POST',
      '/api/v1/invites',
      { token: accessToken, body: { email: owner.email, role: 'admin' }, expect: 201 },
    );

    const { context, page, errors } = await newPage(browser, 'desktop');
    try {
      await page.goto(inviteUrl);
      await page.getByRole('heading', { name: 'Join Beta Corp' }).waitFor();
      // The account exists: its password, no name.
      expect(await page.locator('input[name="name"]').count()).toBe(0);
      await shoot(page, 'accept-invite-existing', 'desktop');
      await page.locator('input[name="password"]').fill(owner.password);
      await page.getByRole('button', { name: 'Sign in to join' }).click();
      await page.waitForURL(`${server.baseUrl}/`);
      const switcher = page.getByTestId('workspace-switcher');
      expect(await switcher.textContent()).toContain('Beta Corp');

      // Switch: the member list is the other workspace's, loaded afresh.
      await navigate(page, 'Members');
      await page.getByTestId(`member-${other.email}`).waitFor();
      await switcher.click();
      await page.getByRole('menu').waitFor();
      await shoot(page, 'workspace-switcher', 'desktop');
      await page.getByRole('menuitem', { name: /Alpha Labs/ }).click();
      await page.getByRole('menu').waitFor({ state: 'hidden' });
      expect(await switcher.textContent()).toContain('Alpha Labs');
      await page.getByRole('heading', { name: 'Members (1)' }).waitFor();
      expect(await page.getByTestId(`member-${other.email}`).count()).toBe(0);

      expect(errors).toEqual([]);
    } catch (error) {
      await shootFailure({ page });
      throw error;
    } finally {
      await context.close();
    }
  });
});
