import type { Battlecard } from '../../../common/battlecards';
import { EXPORT_CONTENT_TYPES, type ExportFormat, type ExportQuery } from '../../../common/exports';
import type { RequestContext } from '../../lib/context';
import { recordAction } from '../audit/audit.service';
import type { BattlecardsService } from '../battlecards/battlecards.service';
import type { VersionsService } from '../battlecards/versions.service';
import { renderDocx } from './export-docx';
import { contentDisposition, exportFilename } from './export-filename';
import { renderMarkdown } from './export-markdown';
import { type ExportDocument, type ExportSource, buildExportDocument } from './export-model';
import { renderPdf } from './export-pdf';

export interface ExportFile {
  body: Buffer;
  filename: string;
  contentType: string;
  contentDisposition: string;
}

const RENDERERS: Record<ExportFormat, (doc: ExportDocument) => Promise<Buffer> | Buffer> = {
  pdf: renderPdf,
  docx: renderDocx,
  md: (doc) => Buffer.from(renderMarkdown(doc), 'utf8'),
};

/**
 * Battlecards as files. What goes in is exactly what the caller reads: the card through the
 * same cached read and access rules as GET /battlecards/:id (viewers: the published copy,
 * editors: the working copy; a private card of someone else, or a card of another workspace:
 * 404), or a published version exactly as GET /versions/:n serves it. Nothing is re-queried
 * differently here, so an export can never show what the card view would not.
 */
export class ExportsService {
  constructor(
    private readonly cards: BattlecardsService,
    private readonly versions: VersionsService,
  ) {}

  async export(
    ctx: RequestContext,
    id: string,
    format: ExportFormat,
    query: ExportQuery,
  ): Promise<ExportFile> {
    const source = await this.source(ctx, id, query.version);
    const doc = buildExportDocument(source, query.audience);
    const body = await RENDERERS[format](doc);
    const filename = exportFilename(source, format, query.audience);
    await recordAction(ctx.db, ctx, 'battlecard.exported', id, {
      format,
      audience: query.audience,
      version: source.version,
      claimCount: doc.sections.reduce((n, s) => n + s.items.length, 0),
      bytes: body.length,
    });
    return {
      body,
      filename,
      contentType: EXPORT_CONTENT_TYPES[format],
      contentDisposition: contentDisposition(filename),
    };
  }

  private async source(ctx: RequestContext, id: string, version?: number): Promise<ExportSource> {
    // The card as the caller would open it: access checks, view choice and cache included.
    const card = JSON.parse(await this.cards.getJson(ctx, id)) as Battlecard;
    if (version !== undefined) {
      const snapshot = await this.versions.get(ctx, id, version);
      return {
        title: snapshot.title,
        competitor: card.competitor.name,
        segment: snapshot.segment,
        sections: snapshot.sections,
        versionLabel: `Version ${snapshot.version}`,
        version: snapshot.version,
        publishedAt: new Date(snapshot.publishedAt),
      };
    }
    const draft = card.version === 0 || card.hasUnpublishedChanges;
    return {
      title: card.title,
      competitor: card.competitor.name,
      segment: card.segment,
      sections: card.sections,
      versionLabel: !draft
        ? `Version ${card.version}`
        : card.version === 0
          ? 'Draft (never published)'
          : `Draft (unpublished changes since version ${card.version})`,
      version: draft ? null : card.version,
      publishedAt: draft || !card.publishedAt ? null : new Date(card.publishedAt),
    };
  }
}
