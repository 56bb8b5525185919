import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Document,
  DocumentSummary,
  ListDocumentsQuerySchema,
  StorageUsage,
  UpdateDocumentBodySchema,
  UploadFieldsSchema,
  UploadResult,
} from '../../../common/documents';
import type { Page } from '../../../common/pagination';
import { document, documentBlob, evidence, workspace } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { AppError, PG_UNIQUE_VIOLATION, postgresErrorCode } from '../../lib/errors';
import { olderThanCursor } from '../../lib/keyset';
import { toPage } from '../../lib/pagination';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { invalidateCards } from '../battlecards/card-cache';
import { requireCompetitor } from '../competitors/competitors.service';
import { detachEvidence } from '../evidence/evidence.citations';
import { documentEvent, ensureDocumentEvidence, publishDocumentEvent } from './document-evidence';
import { type DetectedType, detectDocumentType } from './document-type';
import { extractDocumentJob } from './documents.jobs';
import {
  documentNotFound,
  presentSummary,
  readDocument,
  selectSummaries,
} from './documents.present';
import { sanitizeFileName, titleFromFileName, withExtension } from './file-name';
import { formatMegabytes } from './upload-reader';

export interface UploadInput {
  bytes: Buffer;
  fileName: string | undefined;
  fields: z.infer<typeof UploadFieldsSchema>;
}

async function usedBytes(db: DbOrTx, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ used: sql<number>`coalesce(sum(${document.sizeBytes}), 0)::bigint`.mapWith(Number) })
    .from(document)
    .where(eq(document.workspaceId, workspaceId));
  return row?.used ?? 0;
}

async function findBySha(db: DbOrTx, ctx: RequestContext, sha256: string) {
  const [row] = await db
    .select({ id: document.id })
    .from(document)
    .where(and(eq(document.workspaceId, ctx.workspaceId), eq(document.sha256, sha256)));
  return row;
}

/**
 * Stores an upload whose bytes have been read (and size-checked) and enqueues its extraction,
 * all in one transaction. Type from content; same bytes again → the existing document.
 */
export async function createDocument(
  services: Services,
  ctx: RequestContext,
  input: UploadInput,
): Promise<UploadResult> {
  authorize(ctx, 'content.edit');
  const originalName = sanitizeFileName(input.fileName);
  if (input.fields.competitorId) {
    await requireCompetitor(ctx.db, ctx, input.fields.competitorId);
  }
  const detected: DetectedType = await detectDocumentType(input.bytes, originalName);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await findBySha(ctx.db, ctx, sha256);
  if (existing) return { ...(await readDocument(ctx.db, ctx, existing.id)), duplicate: true };

  const id = randomUUID();
  const quota = services.config.storageQuotaBytes;
  let created: Document;
  try {
    created = await ctx.db.transaction(async (tx) => {
      // One upload at a time per workspace past this point, so two cannot both fit the quota.
      await tx
        .select({ id: workspace.id })
        .from(workspace)
        .where(eq(workspace.id, ctx.workspaceId))
        .for('update');
      const used = await usedBytes(tx, ctx.workspaceId);
      if (used + input.bytes.length > quota) {
        throw new AppError(
          'storage_quota_exceeded',
          413,
          `The workspace's document storage is full: ${formatMegabytes(used)} of ${formatMegabytes(quota)} used. Delete documents you no longer need.`,
          { usedBytes: used, quotaBytes: quota, fileBytes: input.bytes.length },
        );
      }
      const job = await services.jobs.enqueue(
        tx,
        extractDocumentJob,
        { documentId: id },
        { workspaceId: ctx.workspaceId },
      );
      await tx.insert(document).values({
        id,
        workspaceId: ctx.workspaceId,
        competitorId: input.fields.competitorId ?? null,
        title: input.fields.title ?? titleFromFileName(originalName),
        originalName,
        storedName: `${id}.${detected.extension}`,
        format: detected.format,
        mediaType: detected.mediaType,
        sizeBytes: input.bytes.length,
        sha256,
        jobId: job.id,
        createdBy: ctx.actor.userId,
      });
      await tx.insert(documentBlob).values({ documentId: id, bytes: input.bytes });
      await recordAction(tx, ctx, 'document.uploaded', id, {
        competitorId: input.fields.competitorId ?? null,
        format: detected.format,
        sizeBytes: input.bytes.length,
        originalName,
      });
      return readDocument(tx, ctx, id);
    });
  } catch (err) {
    // The same bytes uploaded at the same moment: the other request's document wins.
    if (postgresErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
    const winner = await findBySha(ctx.db, ctx, sha256);
    if (!winner) throw err;
    return { ...(await readDocument(ctx.db, ctx, winner.id)), duplicate: true };
  }
  await publishDocumentEvent(
    services.pubsub,
    ctx.log,
    documentEvent(ctx.workspaceId, id, { status: 'queued' }),
  );
  return { ...created, duplicate: false };
}

/** Newest first, filtered by competitor and status. */
export async function listDocuments(
  ctx: RequestContext,
  query: z.infer<typeof ListDocumentsQuerySchema>,
): Promise<Page<DocumentSummary>> {
  authorize(ctx, 'content.read');
  const rows = await selectSummaries(ctx.db)
    .where(
      and(
        eq(document.workspaceId, ctx.workspaceId),
        query.competitorId ? eq(document.competitorId, query.competitorId) : undefined,
        query.status ? eq(document.status, query.status) : undefined,
        olderThanCursor(query.cursor, document.createdAt, document.id),
      ),
    )
    .orderBy(desc(document.createdAt), desc(document.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.createdKey, row.id], presentSummary);
}

export async function getDocument(ctx: RequestContext, id: string): Promise<Document> {
  authorize(ctx, 'content.read');
  return readDocument(ctx.db, ctx, id);
}

/** Renames, or links to a competitor: a ready document's text then becomes its evidence. */
export async function updateDocument(
  services: Services,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof UpdateDocumentBodySchema>,
): Promise<Document> {
  authorize(ctx, 'content.edit');
  const updated = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ competitorId: document.competitorId })
      .from(document)
      .where(and(eq(document.id, id), eq(document.workspaceId, ctx.workspaceId)))
      .for('update');
    if (!current) throw documentNotFound();
    if (input.competitorId) await requireCompetitor(tx, ctx, input.competitorId);
    const [row] = await tx
      .update(document)
      .set({
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.competitorId === undefined ? {} : { competitorId: input.competitorId }),
        updatedAt: sql`now()`,
      })
      .where(eq(document.id, id))
      .returning();
    const linked = row!;
    if (input.competitorId !== undefined && input.competitorId !== current.competitorId) {
      // The evidence belongs to one competitor: moving the document moves it (citations stay).
      if (input.competitorId) {
        await tx
          .update(evidence)
          .set({ competitorId: input.competitorId })
          .where(eq(evidence.documentId, id));
      }
    }
    if (input.title !== undefined) {
      await tx.update(evidence).set({ title: input.title }).where(eq(evidence.documentId, id));
    }
    await ensureDocumentEvidence(tx, linked);
    await recordAction(tx, ctx, 'document.updated', id, { ...input });
    return readDocument(tx, ctx, id);
  });
  await publishDocumentEvent(
    services.pubsub,
    ctx.log,
    documentEvent(ctx.workspaceId, id, { status: updated.status }),
  );
  return updated;
}

/**
 * Deletes the document and its bytes. Its evidence goes too unless `keepEvidence`: claims
 * citing it then lose the citation and are marked stale with the reason (never silently).
 */
export async function deleteDocument(
  services: Services,
  ctx: RequestContext,
  id: string,
  options: { keepEvidence: boolean },
): Promise<void> {
  authorize(ctx, 'content.edit');
  const staleCards = await ctx.db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ id: document.id, title: document.title, sizeBytes: document.sizeBytes })
      .from(document)
      .where(and(eq(document.id, id), eq(document.workspaceId, ctx.workspaceId)))
      .for('update');
    if (!doc) throw documentNotFound();
    const items = await tx
      .select({ id: evidence.id, title: evidence.title })
      .from(evidence)
      .where(eq(evidence.documentId, id));
    const cards: string[] = [];
    if (!options.keepEvidence) {
      for (const item of items) {
        cards.push(...(await detachEvidence(tx, ctx.workspaceId, item)));
        await tx.delete(evidence).where(eq(evidence.id, item.id));
      }
    }
    // With keepEvidence the evidence stays; its document_id is set null by the foreign key.
    await tx.delete(document).where(eq(document.id, id));
    await recordAction(tx, ctx, 'document.deleted', id, {
      title: doc.title,
      sizeBytes: doc.sizeBytes,
      evidenceDeleted: options.keepEvidence ? 0 : items.length,
      staleCards: cards.length,
    });
    return [...new Set(cards)];
  });
  await invalidateCards(services.cache, staleCards);
  await publishDocumentEvent(
    services.pubsub,
    ctx.log,
    documentEvent(ctx.workspaceId, id, { status: 'deleted' }),
  );
}

/** The stored bytes with what a download needs; 404 outside the workspace. */
export async function readDocumentFile(
  ctx: RequestContext,
  id: string,
): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  authorize(ctx, 'content.read');
  const [row] = await ctx.db
    .select({
      bytes: documentBlob.bytes,
      mediaType: document.mediaType,
      originalName: document.originalName,
      storedName: document.storedName,
    })
    .from(document)
    .innerJoin(documentBlob, eq(documentBlob.documentId, document.id))
    .where(and(eq(document.id, id), eq(document.workspaceId, ctx.workspaceId)));
  if (!row) throw documentNotFound();
  const extension = row.storedName.split('.').pop() ?? 'bin';
  return {
    bytes: row.bytes,
    mediaType: row.mediaType,
    fileName: withExtension(row.originalName, extension),
  };
}

export async function storageUsage(services: Services, ctx: RequestContext): Promise<StorageUsage> {
  authorize(ctx, 'content.read');
  const [row] = await ctx.db
    .select({
      used: sql<number>`coalesce(sum(${document.sizeBytes}), 0)::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(document)
    .where(eq(document.workspaceId, ctx.workspaceId));
  return {
    usedBytes: row?.used ?? 0,
    quotaBytes: services.config.storageQuotaBytes,
    uploadMaxBytes: services.config.uploadMaxBytes,
    documents: row?.count ?? 0,
  };
}
