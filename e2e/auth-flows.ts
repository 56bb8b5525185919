/** Browser steps shared by the e2e tests: sign up, sign in, sign out through the real UI. */
import type { Page } from 'playwright-core';

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** On /sign-up: creates the account and its workspace; resolves once the app shell shows. */
export async function signUp(page: Page, user: TestUser, workspaceName: string): Promise<void> {
  await page.getByRole('heading', { name: 'Create your workspace' }).waitFor();
  await page.locator('input[name="name"]').fill(user.name);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('input[name="workspaceName"]').fill(workspaceName);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByTestId('workspace-switcher').waitFor();
}

/** On /sign-in: signs in; resolves once the app shell shows. */
export async function signIn(page: Page, user: Pick<TestUser, 'email' | 'password'>) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('workspace-switcher').waitFor();
}

/** From any signed-in page: the user menu's "Sign out"; resolves on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** Clicks a link of the main navigation, opening the drawer first on phones. */
export async function navigate(page: Page, label: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label });
  const menu = page.getByRole('button', { name: 'Open navigation' });
  const phone = await menu.isVisible();
  if (phone) {
    // The drawer closes with an animation after the previous navigation: while it slides out
    // its links still count as visible. Wait until it is gone; if it stays, it is open.
    const closed = await link.waitFor({ state: 'hidden', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    // A full-page screenshot briefly resizes the page, which can close the drawer again as it
    // opens; open it until the link shows.
    for (let attempt = 1; closed; attempt++) {
      await menu.click();
      try {
        await link.waitFor({ state: 'visible', timeout: 2_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }
  await link.click();
  // The drawer now slides out. Return once it is gone: a screenshot taken mid-slide (it
  // stops animations) left its links counting as visible, and the next navigate() stuck.
  if (phone) await link.waitFor({ state: 'hidden' });
}

/** Calls the API directly (test set-up), failing loudly on an unexpected status. */
export async function callApi<T>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; expect?: number | number[] } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.text();
  const expected = [options.expect ?? [200, 201, 204]].flat();
  const ok = expected.includes(response.status);
  if (!ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Set-up through the API: an account with its own workspace. The server allows 10 sign-ups
 * per address and hour, so a test file shares one server but each test only a few of these.
 */
export async function registerViaApi(
  baseUrl: string,
  user: TestUser,
  workspaceName: string,
): Promise<{ accessToken: string }> {
  return callApi(baseUrl, 'POST', '/api/v1/auth/register', {
    body: { ...user, workspaceName },
    expect: 201,
  });
}

/** Set-up through the API: `admin` invites `user` with `role` and `user` accepts. */
export async function addMemberViaApi(
  baseUrl: string,
  adminToken: string,
  user: TestUser,
  role: 'admin' | 'editor' | 'viewer',
): Promise<void> {
  const { token } = await callApi<{ token: string }>(baseUrl, 'POST', '/api/v1/invites', {
    token: adminToken,
    body: { email: user.email, role },
    expect: 201,
  });
  await callApi(baseUrl, 'POST', '/api/v1/invites/accept', {
    body: { token, name: user.name, password: user.password },
    expect: 200,
  });
}
