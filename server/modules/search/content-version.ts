import { type SQL, sql } from 'drizzle-orm';
import { USAGE_EVENTS } from '../../../common/usage-events';
import type { RequestContext } from '../../lib/context';

/**
 * A workspace's *content version* — when its searchable content last changed, per the events
 * every write through the API records — keys the search result cache, so a write makes
 * searches fresh again without anyone having to say which results it touched.
 */

/**
 * Each process re-reads a workspace's content version about this often, so a repeated
 * search is answered without touching the database; a write shows in search soon after.
 */
const VERSION_REFRESH_MS = 1_000;

/**
 * Usage events name a card or claim but change nothing: counted as changes, every card view
 * anyone made (written every couple of seconds) would empty the search cache of a busy
 * workspace — measured in the 100-user drill, where searches then all went to the database.
 */
const READ_ONLY_EVENTS = [
  USAGE_EVENTS.cardViewed,
  USAGE_EVENTS.responseCopied,
  USAGE_EVENTS.cardExported,
  USAGE_EVENTS.searched,
  USAGE_EVENTS.changeRead,
];

/**
 * When the workspace's searchable content last changed, as recorded by the events every write
 * through the API appends in its own transaction (sign-ins, usage and other events do not count).
 */
function contentVersionStatement(workspaceId: string): SQL {
  return sql`select max(created_at)::text as version from event
    where workspace_id = ${workspaceId}
      and entity in ('competitor', 'evidence', 'battlecard', 'claim', 'workspace')
      and type not in (${sql.join(
        READ_ONLY_EVENTS.map((type) => sql`${type}`),
        sql`, `,
      )})`;
}

export async function readContentVersion(ctx: RequestContext): Promise<string | null> {
  const { rows } = (await ctx.db.execute(contentVersionStatement(ctx.workspaceId))) as {
    rows: { version: string | null }[];
  };
  return rows[0]?.version ?? null;
}

/**
 * What keys a workspace's cached search results: its content version, and who owns a private
 * card. Results differ between people only by the private cards they see, so everyone who
 * owns none shares one set of cached results.
 */
export interface SearchVersion {
  version: string | null;
  privateOwners: ReadonlySet<string>;
}

export async function readSearchVersion(ctx: RequestContext): Promise<SearchVersion> {
  const { rows } = (await ctx.db
    .execute(sql`select (${contentVersionStatement(ctx.workspaceId)}) as version,
      (select coalesce(json_agg(distinct owner_id), '[]'::json) from battlecard
        where workspace_id = ${ctx.workspaceId} and visibility = 'private'
          and owner_id is not null) as private_owners`)) as {
    rows: { version: string | null; private_owners: string[] }[];
  };
  return {
    version: rows[0]?.version ?? null,
    privateOwners: new Set(rows[0]?.private_owners ?? []),
  };
}

interface KnownVersion {
  version: Promise<SearchVersion>;
  readAt: number;
  refreshing: boolean;
}

const MAX_REMEMBERED_WORKSPACES = 10_000;

/** The search versions this process read recently, by workspace (see VERSION_REFRESH_MS). */
export class SearchVersions {
  private readonly known = new Map<string, KnownVersion>();

  /**
   * The workspace's search version as last read. Once that is older than
   * VERSION_REFRESH_MS, one read refreshes it in the background while searches go on with
   * the version known: a search that could be answered from the cache never waits for the
   * database, even when the database is busy with other work.
   */
  of(ctx: RequestContext): Promise<SearchVersion> {
    const known = this.known.get(ctx.workspaceId);
    if (!known) {
      if (this.known.size >= MAX_REMEMBERED_WORKSPACES) this.known.clear();
      const entry: KnownVersion = {
        version: readSearchVersion(ctx),
        readAt: Date.now(),
        refreshing: false,
      };
      this.known.set(ctx.workspaceId, entry);
      // A failed first read is not remembered: the next search tries again.
      entry.version.catch(() => this.known.delete(ctx.workspaceId));
      return entry.version;
    }
    if (!known.refreshing && Date.now() - known.readAt >= VERSION_REFRESH_MS) {
      known.refreshing = true;
      readSearchVersion(ctx).then(
        (version) => {
          known.version = Promise.resolve(version);
          known.readAt = Date.now();
          known.refreshing = false;
        },
        (err: unknown) => {
          ctx.log.warn({ err }, 'could not refresh the search content version');
          known.refreshing = false;
        },
      );
    }
    return known.version;
  }
}
