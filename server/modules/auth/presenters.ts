import type { User } from '../../../common/auth';
import type { user } from '../../db/schema';

/** A user as the API shows it: never the password hash or status internals. */
export function presentUser(row: typeof user.$inferSelect): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.createdAt.toISOString() };
}
