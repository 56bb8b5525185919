/**
 * Accounts end to end, the rough edges: the phone layout of every account page, expired
 * tokens refreshed once for concurrent requests, flaky networks, field errors, the 429
 * message, and a server with sign-up turned off.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMemberViaApi, callApi, navigate, registerViaApi, signIn } from './auth-flows';
import { launchBrowser, newPage, saveScreenshot, startServer, type RunningServer } from './harness';
import { apiError, createInvite, people, shoot, shootFailure } from './account-steps';

describe('accounts: layout and resilience', () => {
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

  it('phone layout of the account pages', async () => {
    const { owner, invitee } = people('phone');
    const workspace = 'Acme Product Marketing';
    const { accessToken } = await registerViaApi(server.baseUrl, owner, workspace);
    await addMemberViaApi(server.baseUrl, accessToken, invitee, 'editor');
    await callApi(server.baseUrl, 'POST', '/api/v1/api-keys', {
      token: accessToken,
      body: { name: 'CRM sync', expiresInDays: 90 },
      expect: 201,
    });

    const { context, page, errors } = await newPage(browser, 'phone');
    const guest = await newPage(browser, 'phone');
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shoot(page, 'sign-in', 'phone');
      await page.getByRole('link', { name: 'Create a workspace' }).click();
      await page.getByRole('heading', { name: 'Create your workspace' }).waitFor();
      await shoot(page, 'sign-up', 'phone');
      await page.getByRole('link', { name: 'Sign in' }).click();
      await signIn(page, owner);
      await page.getByTestId('system-status-overall').waitFor();
      await shoot(page, 'home', 'phone');

      await page.getByRole('button', { name: 'Open navigation' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Members' }).waitFor();
      await saveScreenshot(page, 'navigation-phone', { fullPage: false });
      await nav.getByRole('link', { name: 'Members' }).click();
      await page.getByTestId(`member-${invitee.email}`).waitFor();
      await shoot(page, 'members', 'phone');

      const link = await createInvite(page, `pat.phone@acme.example`);
      await shoot(page, 'invite-dialog', 'phone');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await guest.page.goto(link);
      await guest.page.getByRole('heading', { name: `Join ${workspace}` }).waitFor();
      await shoot(guest.page, 'accept-invite', 'phone');

      await navigate(page, 'API keys');
      await page.getByTestId('api-key-CRM sync').waitFor();
      await shoot(page, 'api-keys', 'phone');
      await navigate(page, 'Account');
      await page.getByTestId('account-role').waitFor();
      await shoot(page, 'account', 'phone');
      await navigate(page, 'Audit log');
      await page.getByTestId('audit-event').first().waitFor();
      await shoot(page, 'audit', 'phone');

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
      await saveScreenshot(page, 'user-menu-phone', { fullPage: false });
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      expect(errors).toEqual([]);
      expect(guest.errors).toEqual([]);
    } catch (error) {
      await shootFailure({ page, guest: guest.page });
      throw error;
    } finally {
      await context.close();
      await guest.context.close();
    }
  });

  it('refreshes an expired token once for concurrent requests, and retries reads', async () => {
    const { owner } = people('refresh');
    const { accessToken } = await registerViaApi(server.baseUrl, owner, 'Refresh Ltd');
    await callApi(server.baseUrl, 'POST', '/api/v1/invites', {
      token: accessToken,
      body: { email: 'pat.refresh@acme.example', role: 'viewer' },
      expect: 201,
    });

    const { context, page, errors } = await newPage(browser, 'desktop');
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await signIn(page, owner);

      // The members page loads /members and /invites at once; both answer 401 the first time,
      // as they would with an expired access token. One refresh serves both; both retry.
      const refreshes: string[] = [];
      const trace: string[] = [];
      page.on('request', (r) => {
        trace.push(`${r.method()} ${r.url()} ${r.headers().authorization?.slice(-8) ?? '-'}`);
        if (new URL(r.url()).pathname === '/api/v1/auth/refresh') refreshes.push(r.method());
      });
      page.on('response', (r) => trace.push(`→ ${r.status()} ${r.url()}`));
      page.on('requestfailed', (r) => trace.push(`✗ ${r.failure()?.errorText} ${r.url()}`));
      const expiredOnce = new Set<string>();
      await page.route(/\/api\/v1\/(members|invites)$/, async (route) => {
        const path = new URL(route.request().url()).pathname;
        if (expiredOnce.has(path)) return route.continue();
        expiredOnce.add(path);
        return route.fulfill(apiError(401, 'unauthenticated', 'Sign in to continue.'));
      });
      // One network failure of a read is retried without the user noticing.
      let failedOnce = false;
      await page.route(/\/api\/v1\/api-keys$/, async (route) => {
        if (failedOnce) return route.continue();
        failedOnce = true;
        return route.abort('failed');
      });

      await navigate(page, 'Members');
      await page.getByTestId(`member-${owner.email}`).waitFor();
      await page.getByTestId('invite-pat.refresh@acme.example').waitFor();
      expect([...expiredOnce].sort()).toEqual(['/api/v1/invites', '/api/v1/members']);
      expect(refreshes, trace.join('\n')).toEqual(['POST']);

      await navigate(page, 'API keys');
      await page.getByText('No API keys yet').waitFor();
      expect(failedOnce).toBe(true);
      await page.unrouteAll();

      // When the refresh is refused too, the session is over: to sign-in, and back after.
      await page.route(/\/api\/v1\/auth\/refresh$/, (route) =>
        route.fulfill(apiError(401, 'invalid_refresh_token', 'Your sign-in has ended.')),
      );
      await page.route(/\/api\/v1\/audit-events/, (route) =>
        route.fulfill(apiError(401, 'unauthenticated', 'Sign in to continue.')),
      );
      await navigate(page, 'Audit log');
      await page.waitForURL(`${server.baseUrl}/sign-in?next=%2Fsettings%2Faudit`);
      await page.getByTestId('session-ended').waitFor();
      await page.unrouteAll();
      await signIn(page, owner);
      await page.waitForURL(`${server.baseUrl}/settings/audit`);
      await page.getByTestId('audit-event').first().waitFor();

      // Only the failures staged above reached the console.
      const unexpected = errors.filter((e) => !/status of 401|net::ERR_FAILED/.test(e));
      expect(unexpected).toEqual([]);
    } catch (error) {
      await shootFailure({ page });
      throw error;
    } finally {
      await context.close();
    }
  });

  it('shows problems under the right field, and the 429 message', async () => {
    const { owner } = people('errors');
    await registerViaApi(server.baseUrl, owner, 'Errors GmbH');
    const { context, page, errors } = await newPage(browser, 'desktop');
    const fieldOf = (name: string) =>
      page.locator('.MuiFormControl-root', { has: page.locator(`input[name="${name}"]`) });
    try {
      // The server's checks land under their fields.
      await page.goto(`${server.baseUrl}/sign-up`);
      await page.getByRole('heading', { name: 'Create your workspace' }).waitFor();
      await page.locator('input[name="name"]').fill('Second Owner');
      await page.locator('input[name="email"]').fill('not-an-email@');
      await page.locator('input[name="password"]').fill('amber falcon velvet summit');
      await page.locator('input[name="workspaceName"]').fill('Another');
      await page.getByRole('button', { name: 'Create workspace' }).click();
      await fieldOf('email').getByText('Must be an email address.').waitFor();
      await page.locator('input[name="email"]').fill(owner.email);
      await page.getByRole('button', { name: 'Create workspace' }).click();
      await fieldOf('email').getByText('An account with this email already exists.').waitFor();
      await shoot(page, 'sign-up-errors', 'desktop');

      // Wrong password: one message for the form.
      await page.getByRole('link', { name: 'Sign in instead' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.locator('input[name="email"]').fill(owner.email);
      await page.locator('input[name="password"]').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByTestId('form-error').filter({ hasText: 'do not match' }).waitFor();

      // Too many attempts: the server's message says when to try again.
      await page.route(/\/api\/v1\/auth\/login$/, (route) =>
        route.fulfill({
          ...apiError(429, 'rate_limited', 'Too many attempts. Try again in 1 minute.'),
          headers: { 'retry-after': '60' },
        }),
      );
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByTestId('form-error').filter({ hasText: 'Try again in 1 minute' }).waitFor();
      await shoot(page, 'sign-in-rate-limited', 'desktop');
      await page.unrouteAll();

      // Signed in: a too-common new password lands under "New password", a wrong current
      // password under "Current password".
      await page.locator('input[name="password"]').fill(owner.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByTestId('workspace-switcher').waitFor();
      await navigate(page, 'Account');
      await page.locator('input[name="currentPassword"]').fill(owner.password);
      await page.locator('input[name="newPassword"]').fill('123456789012');
      await page.locator('input[name="confirmPassword"]').fill('123456789012');
      await page.getByRole('button', { name: 'Change password' }).click();
      await fieldOf('newPassword').getByText('too common').waitFor();
      await page.locator('input[name="currentPassword"]').fill('this is not it at all');
      await page.locator('input[name="newPassword"]').fill('lilac thunder pocket canyon');
      await page.locator('input[name="confirmPassword"]').fill('lilac thunder pocket canyon');
      await page.getByRole('button', { name: 'Change password' }).click();
      await fieldOf('currentPassword').getByText('not right').waitFor();
      // Still signed in: a wrong current password is not an expired session.
      expect(page.url()).toBe(`${server.baseUrl}/settings/account`);
      await shoot(page, 'account-errors', 'desktop');

      const unexpected = errors.filter((e) => !/status of (400|401|409|429)/.test(e));
      expect(unexpected).toEqual([]);
    } catch (error) {
      await shootFailure({ page });
      throw error;
    } finally {
      await context.close();
    }
  });
});

describe('accounts with sign-up turned off', () => {
  let server!: RunningServer;
  let browser!: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { ALLOW_SIGNUP: 'false' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    const started = { server, browser } as { server?: RunningServer; browser?: Browser };
    await started.browser?.close();
    await started.server?.stop();
  });

  it('hides the sign-up link and explains how to get in', async () => {
    const { context, page, errors } = await newPage(browser, 'desktop');
    try {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.getByText('Ask an admin of your workspace for an invite link').waitFor();
      expect(await page.getByRole('link', { name: 'Create a workspace' }).count()).toBe(0);
      await page.goto(`${server.baseUrl}/sign-up`);
      await page.getByRole('heading', { name: 'Sign-up is turned off' }).waitFor();
      expect(await page.locator('input[name="workspaceName"]').count()).toBe(0);
      await shoot(page, 'sign-up-disabled', 'desktop');
      expect(errors).toEqual([]);
    } catch (error) {
      await shootFailure({ page });
      throw error;
    } finally {
      await context.close();
    }
  });
});
