import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { analyzeEvidenceJob } from '../ai/evidence-analysis.job';
import { EVIDENCE_CONTENT_MAX } from '../../../common/competitors';
import { document, documentBlob } from '../../db/schema';
import { defineJob } from '../../lib/jobs/job-kind';
import { recordEvent } from '../audit/audit.service';
import { documentEvent, ensureDocumentEvidence } from './document-evidence';
import { ExtractionError } from './extraction/extract-text';
import { extractor } from './extraction/extractor';

/** The text evidence can hold, never cutting a character in half. */
function capText(text: string): string {
  if (text.length <= EVIDENCE_CONTENT_MAX) return text;
  return text.slice(0, EVIDENCE_CONTENT_MAX).replace(/[\ud800-\udbff]$/, '');
}

export const ExtractDocumentPayloadSchema = z.object({ documentId: z.uuid() });

/**
 * Reads an uploaded document's text (in the extraction worker, time-bound), stores it with its
 * page count, word count and language, and makes it evidence of the document's competitor.
 * A file that cannot be read fails for good with a readable reason (retrying would not help);
 * only infrastructure errors (the database) throw and are retried.
 */
export const extractDocumentJob = defineJob({
  name: 'documents.extract',
  payload: ExtractDocumentPayloadSchema,
  retryLimit: 2,
  retryDelaySeconds: 5,
  expireInSeconds: 5 * 60,
  async handler({ documentId }, ctx) {
    const { db } = ctx;
    const [doc] = await db
      .update(document)
      .set({ status: 'extracting', error: null, updatedAt: sql`now()` })
      .where(eq(document.id, documentId))
      .returning({ workspaceId: document.workspaceId, format: document.format });
    if (!doc) return { documentId, skipped: 'deleted' };
    await ctx.publish(documentEvent(doc.workspaceId, documentId, { status: 'extracting' }));
    await ctx.progress('reading file', 10);
    const [blob] = await db
      .select({ bytes: documentBlob.bytes })
      .from(documentBlob)
      .where(eq(documentBlob.documentId, documentId));
    if (!blob) return { documentId, skipped: 'deleted' };

    await ctx.progress('extracting text', 25);
    const started = performance.now();
    let extracted;
    try {
      extracted = await extractor.extract(doc.format, blob.bytes);
    } catch (err) {
      if (!(err instanceof ExtractionError)) throw err;
      await db
        .update(document)
        .set({ status: 'failed', error: err.message, updatedAt: sql`now()` })
        .where(eq(document.id, documentId));
      ctx.log.info({ code: err.code, documentId }, 'document extraction failed');
      await ctx.publish(
        documentEvent(doc.workspaceId, documentId, { status: 'failed', error: err.message }),
      );
      await ctx.progress('failed', 100);
      return { documentId, status: 'failed', code: err.code };
    }
    const ms = Math.round(performance.now() - started);

    await ctx.progress('saving evidence', 85);
    const evidenceId = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(document)
        .set({
          status: 'ready',
          error: null,
          text: capText(extracted.text),
          textLength: extracted.text.length,
          pageCount: extracted.pageCount,
          wordCount: extracted.wordCount,
          language: extracted.language,
          extractedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(document.id, documentId))
        .returning();
      if (!row) return undefined;
      const id = await ensureDocumentEvidence(tx, row);
      await recordEvent(tx, {
        type: 'document.extracted',
        workspaceId: row.workspaceId,
        actorId: null,
        entity: 'document',
        entityId: documentId,
        data: { evidenceId: id, words: extracted.wordCount, pages: extracted.pageCount, ms },
      });
      return id;
    });
    if (evidenceId === undefined) return { documentId, skipped: 'deleted' };
    await ctx.publish(documentEvent(doc.workspaceId, documentId, { status: 'ready', evidenceId }));
    // The AI pipeline reads the new text now (its own job), so profiles and cards are ready sooner.
    await ctx.services.jobs.enqueue(
      ctx.services.database.db,
      analyzeEvidenceJob,
      { evidenceId },
      { workspaceId: doc.workspaceId, idempotencyKey: `evidence.analyze:${evidenceId}` },
    );
    return { documentId, status: 'ready', evidenceId, ms };
  },
});
