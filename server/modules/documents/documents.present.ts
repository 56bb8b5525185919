import { and, eq, sql } from 'drizzle-orm';
import type { Document, DocumentSummary } from '../../../common/documents';
import { EVIDENCE_CONTENT_MAX } from '../../../common/competitors';
import { PERMISSIONS, hasRole } from '../../../common/permissions';
import { claim, document, evidence, user } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { notFound } from '../../lib/errors';
import { exactTimestamp } from '../../lib/keyset';

export const PREVIEW_LENGTH = 4_000;

export const documentNotFound = () => notFound('Document', 'document_not_found');

/** The evidence a document became (at most one; see documents.jobs.ts). */
const evidenceOfDocument = sql<string | null>`(select ${evidence.id} from ${evidence}
  where ${evidence.documentId} = ${document.id} limit 1)`;

export const summarySelection = {
  id: document.id,
  competitorId: document.competitorId,
  title: document.title,
  originalName: document.originalName,
  format: document.format,
  mediaType: document.mediaType,
  sizeBytes: document.sizeBytes,
  sha256: document.sha256,
  status: document.status,
  error: document.error,
  pageCount: document.pageCount,
  wordCount: document.wordCount,
  language: document.language,
  evidenceId: evidenceOfDocument,
  // Claims citing the evidence of this document, on the claim citations index.
  citedBy: sql<number>`(select count(*)::int from ${claim}
    where ${claim.workspaceId} = ${document.workspaceId}
      and ${claim.citations} @> jsonb_build_array(jsonb_build_object('evidenceId', (${evidenceOfDocument})::text)))`.mapWith(
    Number,
  ),
  jobId: document.jobId,
  createdBy: { id: user.id, name: user.name },
  createdAt: document.createdAt,
  createdKey: exactTimestamp(document.createdAt),
  updatedAt: document.updatedAt,
};

export const selectSummaries = (db: DbOrTx) =>
  db
    .select(summarySelection)
    .from(document)
    .leftJoin(user, eq(user.id, document.createdBy))
    .$dynamic();

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

export function presentSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    competitorId: row.competitorId,
    title: row.title,
    originalName: row.originalName,
    format: row.format,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
    error: row.error,
    pageCount: row.pageCount,
    wordCount: row.wordCount,
    language: row.language,
    evidenceId: row.evidenceId,
    citedBy: row.citedBy,
    jobId: row.jobId,
    createdBy: row.createdBy?.id ? { id: row.createdBy.id, name: row.createdBy.name } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One document of the caller's workspace with its text preview; 404 otherwise. */
export async function readDocument(db: DbOrTx, ctx: RequestContext, id: string): Promise<Document> {
  const [row] = await db
    .select({
      ...summarySelection,
      preview: sql<string>`coalesce(left(${document.text}, ${PREVIEW_LENGTH}), '')`,
      textLength: document.textLength,
    })
    .from(document)
    .leftJoin(user, eq(user.id, document.createdBy))
    .where(and(eq(document.id, id), eq(document.workspaceId, ctx.workspaceId)));
  if (!row) throw documentNotFound();
  return {
    ...presentSummary(row),
    preview: row.preview,
    textLength: row.textLength,
    truncated: row.textLength > EVIDENCE_CONTENT_MAX,
    canEdit: hasRole(ctx.actor.role, PERMISSIONS['content.edit']),
  };
}
