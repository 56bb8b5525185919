import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentFormatValue } from '../../../../common/document-values';
import { detectLanguage } from '../language';

export interface ExtractedText {
  text: string;
  pageCount: number | null;
  wordCount: number;
  language: string | null;
}

/** A reason extraction failed that retrying will not change; its message is for people. */
export class ExtractionError extends Error {
  constructor(
    readonly code:
      | 'document_encrypted'
      | 'document_malformed'
      | 'document_empty'
      | 'extraction_timeout'
      | 'extraction_crashed',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

/** One way to lay text out: LF line ends, no trailing spaces, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pageCount: number }> {
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') {
      throw new ExtractionError('document_encrypted', 'The PDF is password-protected.');
    }
    throw new ExtractionError('document_malformed', 'The PDF could not be opened: it is damaged.');
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { text: text.join('\n\n'), pageCount: totalPages };
  } catch {
    throw new ExtractionError('document_malformed', 'The text of the PDF could not be read.');
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch {
    throw new ExtractionError('document_malformed', 'The Word document could not be read.');
  }
}

/** What we use of linkedom's DOM (the server is compiled without the DOM library). */
interface HtmlNode {
  textContent: string | null;
  remove(): void;
}
interface HtmlDocument {
  body: HtmlNode | null;
  documentElement: HtmlNode | null;
  querySelectorAll(selector: string): Iterable<HtmlNode>;
}

/** The readable part of a web page (Readability), or all of its body text when that fails. */
export function htmlText(html: string): string {
  const { document } = parseHTML(html) as unknown as { document: HtmlDocument };
  for (const node of document.querySelectorAll('script, style, noscript, template')) node.remove();
  const fallback = document.body?.textContent ?? document.documentElement?.textContent ?? '';
  try {
    const article = new Readability(document).parse();
    const text = article?.textContent?.trim();
    if (text && text.length >= fallback.trim().length * 0.3) {
      return article?.title ? `${article.title}\n\n${text}` : text;
    }
  } catch {
    // Readability gives up on odd markup; the body text is still worth keeping.
  }
  return fallback;
}

/** Extracts the text of a file whose format was decided at upload; runs in the worker. */
export async function extractDocumentText(
  format: DocumentFormatValue,
  bytes: Uint8Array,
): Promise<ExtractedText> {
  let raw: string;
  let pageCount: number | null = null;
  if (format === 'pdf') {
    ({ text: raw, pageCount } = await pdfText(bytes));
  } else if (format === 'docx') {
    raw = await docxText(bytes);
  } else {
    const decoded = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    raw = format === 'html' ? htmlText(decoded) : decoded;
  }
  const text = normalizeText(raw);
  if (text === '') {
    throw new ExtractionError(
      'document_empty',
      format === 'pdf'
        ? 'The PDF has no text layer (a scan?). Ringside does not read text from images.'
        : 'The document contains no text.',
    );
  }
  return {
    text,
    pageCount,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    language: detectLanguage(text),
  };
}
