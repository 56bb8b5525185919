import { randomInt } from 'node:crypto';
import { membership, user, workspace } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { PG_UNIQUE_VIOLATION, postgresErrorCode } from '../../lib/errors';
import type { Services } from '../../services';
import { recordEvent } from '../audit/audit.service';
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords';
import { DEMO_ACCOUNT } from './demo-content';
import { seedDemoContent } from './demo-seed';

/** The one-time sign-in to the demo: shown to the person who started Ringside, never stored. */
export interface DemoSignIn {
  url: string;
  email: string;
  password: string;
  workspaceId: string;
}

/** No 0/o, 1/l/i: easy to read off a terminal and type. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of five (about 99 bits), e.g. `k7mq2-x9fhp-3rtwd-a8vne`. */
export function demoPassword(): string {
  const group = () =>
    Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(
      '',
    );
  return [group(), group(), group(), group()].join('-');
}

/** No user at all: a brand-new installation (a demo must never land among real accounts). */
const installationIsEmpty = async (db: DbOrTx) =>
  (await db.select({ id: user.id }).from(user).limit(1)).length === 0;

/**
 * On the embedded default with `DEMO` on: the first start of an empty installation creates the
 * demo workspace and returns its sign-in; every other start returns null. A failure is logged
 * and leaves the database as it was (Ringside starts without a demo and tries again next time).
 */
export async function ensureDemoWorkspace(services: Services): Promise<DemoSignIn | null> {
  if (!services.config.demo || services.config.mode !== 'embedded') return null;
  try {
    return await seedDemoWorkspace(services);
  } catch (err) {
    services.log.error({ err }, 'could not create the demo workspace; starting without it');
    return null;
  }
}

/**
 * Creates the demo owner, the "Ringside demo" workspace and its content in one transaction,
 * only while the installation has no users at all. Two processes racing here are safe: the
 * unique email stops the second, whose transaction rolls back.
 */
export async function seedDemoWorkspace(services: Services): Promise<DemoSignIn | null> {
  const { db } = services.database;
  // The usual case on every later start: one cheap query, no password hashing.
  if (!(await installationIsEmpty(db))) return null;

  const password = demoPassword();
  assertPasswordAcceptable(password, { email: DEMO_ACCOUNT.email });
  const passwordHash = await hashPassword(password);
  const started = Date.now();
  try {
    const workspaceId = await db.transaction(async (tx) => {
      if (!(await installationIsEmpty(tx))) return null;
      const [owner] = await tx
        .insert(user)
        .values({ email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name, passwordHash })
        .returning({ id: user.id });
      const [space] = await tx
        .insert(workspace)
        .values({ name: DEMO_ACCOUNT.workspaceName })
        .returning({ id: workspace.id });
      await tx
        .insert(membership)
        .values({ workspaceId: space!.id, userId: owner!.id, role: 'owner' });
      const ctx: RequestContext = {
        actor: { userId: owner!.id, workspaceId: space!.id, role: 'owner', via: 'session' },
        workspaceId: space!.id,
        db: tx,
        log: services.log.child({ demo: true }),
        requestId: 'demo-setup',
        ip: '127.0.0.1',
        userAgent: 'Ringside demo setup',
      };
      await recordEvent(tx, {
        type: 'demo.created',
        workspaceId: space!.id,
        actorId: owner!.id,
        entity: 'workspace',
        entityId: space!.id,
        client: ctx,
      });
      await seedDemoContent(services, ctx, tx);
      return space!.id;
    });
    if (!workspaceId) return null;
    services.log.info(
      { workspaceId, email: DEMO_ACCOUNT.email, ms: Date.now() - started },
      'demo workspace created',
    );
    return { url: services.config.publicUrl, email: DEMO_ACCOUNT.email, password, workspaceId };
  } catch (err) {
    // Another process created the demo (or someone registered) first: nothing to do.
    if (postgresErrorCode(err) === PG_UNIQUE_VIOLATION) return null;
    throw err;
  }
}
