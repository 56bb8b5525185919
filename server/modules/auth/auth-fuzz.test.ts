import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  // The per-IP limits would turn most inputs into 429s; the fuzzer varies the address instead.
  t = await buildTestApp({ jobs: false });
});
afterAll(() => t?.close());

const ENDPOINTS = [
  '/api/v1/auth/register',
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/invites/accept',
];

/** Bodies that are almost right: the shapes an attacker or a broken client sends. */
const body = fc.oneof(
  fc.anything(),
  fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.string(), fc.integer(), fc.constant(null)),
      password: fc.oneof(
        fc.string({ minLength: 0, maxLength: 200 }),
        fc.integer(),
        fc.array(fc.string()),
      ),
      name: fc.oneof(fc.string(), fc.constant('<script>alert(1)</script>'), fc.object()),
      workspaceName: fc.oneof(fc.string(), fc.constant('x'.repeat(10_000))),
      workspaceId: fc.oneof(fc.uuid(), fc.string()),
      token: fc.string({ maxLength: 300 }),
      role: fc.constantFrom('owner', 'admin', '__proto__'),
      __proto__: fc.object(),
    },
    { requiredKeys: [] },
  ),
);
const raw = fc.oneof(
  body.map((b) => ({ payload: JSON.stringify(b) ?? 'null', type: 'application/json' })),
  fc.string().map((s) => ({ payload: s, type: 'application/json' })),
  fc.string().map((s) => ({ payload: s, type: 'text/plain' })),
);

describe('auth endpoints under fuzzing', () => {
  for (const url of ENDPOINTS) {
    it(`${url}: 500 inputs, never a 5xx or a stack trace`, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          raw,
          fc.ipV4(),
          fc.string({ maxLength: 100 }),
          async (input, ip, cookie) => {
            n++;
            const res = await t.app.inject({
              method: 'POST',
              url,
              remoteAddress: ip,
              headers: {
                'content-type': input.type,
                cookie: `ringside_refresh=${encodeURIComponent(cookie)}`,
              },
              payload: input.payload,
            });
            expect(res.statusCode, res.body).toBeLessThan(500);
            expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+|Error:/);
            if (res.statusCode >= 400) {
              expect(res.json().error.code).toMatch(/^[a-z_]+$/);
            }
          },
        ),
        { numRuns: 500 },
      );
      expect(n).toBeGreaterThanOrEqual(500);
    });
  }
});
