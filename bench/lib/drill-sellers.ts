import { randomBytes } from 'node:crypto';
import { membership, user } from '../../server/db/schema';
import { hashPassword } from '../../server/modules/auth/passwords';
import type { PreparedDatabase } from './core-database';
import { openSeeded } from './drill-target';

export interface Seller {
  email: string;
  password: string;
}

/**
 * Adds `count` sellers (viewers) to the seeded workspace, each with their own account, so a
 * drill can sign in as many people. One password for all of them: hashed once (argon2id, as
 * the server hashes), since hashing is what sign-in costs, not what seeding should.
 */
export async function addSellers(db: PreparedDatabase, count: number): Promise<Seller[]> {
  const database = await openSeeded(db);
  try {
    const password = `drill ${randomBytes(9).toString('base64url')} passphrase`;
    const passwordHash = await hashPassword(password);
    const tag = randomBytes(3).toString('hex');
    const rows = Array.from({ length: count }, (_, i) => ({
      email: `drill.seller.${tag}.${i}@example.test`,
      name: `Drill Seller ${i + 1}`,
      passwordHash,
    }));
    const users = await database.db.insert(user).values(rows).returning({ id: user.id });
    await database.db.insert(membership).values(
      users.map((u) => ({
        workspaceId: db.seeded.workspaceId,
        userId: u.id,
        role: 'viewer' as const,
      })),
    );
    return rows.map((r) => ({ email: r.email, password }));
  } finally {
    await database.close();
  }
}
