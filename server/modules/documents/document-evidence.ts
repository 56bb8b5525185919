import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type document, evidence } from '../../db/schema';
import type { Tx } from '../../lib/db/database';
import { EVENTS_CHANNEL } from '../../lib/jobs/job-queue';
import type { PubSub } from '../../lib/pubsub/pubsub';

type DocumentRow = Pick<
  typeof document.$inferSelect,
  'id' | 'workspaceId' | 'competitorId' | 'title' | 'text' | 'wordCount' | 'createdBy' | 'status'
>;

/**
 * Turns a ready document's text into evidence (kind 'document') of its competitor, once: a
 * retried job or a second link finds the existing row. Nothing without a competitor or text.
 */
export async function ensureDocumentEvidence(tx: Tx, doc: DocumentRow): Promise<string | null> {
  if (!doc.competitorId || doc.status !== 'ready' || !doc.text) return null;
  const [existing] = await tx
    .select({ id: evidence.id })
    .from(evidence)
    .where(eq(evidence.documentId, doc.id));
  if (existing) return existing.id;
  const [row] = await tx
    .insert(evidence)
    .values({
      workspaceId: doc.workspaceId,
      competitorId: doc.competitorId,
      kind: 'document',
      title: doc.title,
      content: doc.text,
      contentHash: createHash('sha256').update(doc.text, 'utf8').digest('hex'),
      wordCount: doc.wordCount ?? 0,
      createdBy: doc.createdBy,
      documentId: doc.id,
    })
    .returning({ id: evidence.id });
  return row!.id;
}

/** The live event of a document change, for the workspace's open pages. */
export function documentEvent(
  workspaceId: string,
  id: string,
  data: { status: string; [key: string]: unknown },
) {
  return { type: 'document.updated', entity: 'document', id, workspaceId, data };
}

/** Publishes after commit; a lost live event only delays a page's refresh, so never throws. */
export async function publishDocumentEvent(
  pubsub: PubSub,
  log: { warn(obj: object, msg: string): void },
  event: ReturnType<typeof documentEvent>,
): Promise<void> {
  await pubsub.publish(EVENTS_CHANNEL, event).catch((err: unknown) => {
    log.warn({ err }, 'document event not published');
  });
}
