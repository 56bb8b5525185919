import { fileTypeFromBuffer } from 'file-type';
import type { DocumentFormatValue } from '../../../common/document-values';
import { AppError } from '../../lib/errors';
import { inspectDocx } from './zip-inspect';

export interface DetectedType {
  format: DocumentFormatValue;
  mediaType: string;
  extension: string;
}

const TYPES: Record<DocumentFormatValue, Omit<DetectedType, 'format'>> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  html: { mediaType: 'text/html; charset=utf-8', extension: 'html' },
  markdown: { mediaType: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' },
  text: { mediaType: 'text/plain; charset=utf-8', extension: 'txt' },
};

/** What a file name's extension claims; text kinds may stand for each other. */
const CLAIMED: Record<string, 'pdf' | 'docx' | 'text'> = {
  pdf: 'pdf',
  docx: 'docx',
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  csv: 'text',
  html: 'text',
  htm: 'text',
};

export const unsupported = (message: string, details?: unknown) =>
  new AppError('unsupported_media_type', 415, message, details);

const SUPPORTED = 'Upload a PDF, a Word document (.docx), or a text, Markdown, HTML or CSV file.';

const startsWith = (bytes: Buffer, text: string) =>
  bytes.subarray(0, text.length).equals(Buffer.from(text, 'latin1'));

/** The PDF's own structure: a header, an end-of-file marker near the end, no encryption. */
function checkPdf(bytes: Buffer): void {
  if (!startsWith(bytes, '%PDF-')) throw unsupported(`This is not a PDF. ${SUPPORTED}`);
  if (bytes.subarray(Math.max(0, bytes.length - 2048)).lastIndexOf('%%EOF') < 0) {
    throw new AppError(
      'document_malformed',
      422,
      'The PDF is incomplete (it has no end-of-file marker): it may have been cut off while copying.',
    );
  }
  // The trailer (or cross-reference stream) of an encrypted PDF names its /Encrypt dictionary.
  if (/\/Encrypt[\s/<]/.test(bytes.toString('latin1'))) {
    throw new AppError(
      'document_encrypted',
      422,
      'The PDF is password-protected or encrypted. Save an unprotected copy and upload that.',
    );
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 without NUL bytes; the text without a byte-order mark, or undefined. */
export function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** A web page: it opens (after a comment or whitespace) with a doctype or an html-ish tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^(\s|<!--[\s\S]*?-->)+/, '')
    .toLowerCase();
  return (
    /^<!doctype\s+html/.test(head) ||
    /^<(html|head|body)[\s>]/.test(head) ||
    /<(html|body)[\s>]/.test(head)
  );
}

/** Two or more lines with the same, non-zero count of commas (or semicolons, or tabs). */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/, 6).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && counts.every((c) => c === counts[0]);
  });
}

function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 8192);
  return (
    /^#{1,6} \S/m.test(sample) ||
    /^\s*[-*+] \S/m.test(sample) ||
    /\[[^\]\n]+\]\([^)\s]+\)/.test(sample) ||
    /^```/m.test(sample)
  );
}

function textFormat(text: string): DocumentFormatValue {
  if (looksLikeHtml(text)) return 'html';
  if (looksLikeCsv(text)) return 'csv';
  if (looksLikeMarkdown(text)) return 'markdown';
  return 'text';
}

function extensionOf(name: string): string | undefined {
  const match = /\.([a-z0-9]{1,10})$/i.exec(name);
  return match?.[1]?.toLowerCase();
}

/**
 * Decides what a file is from its bytes alone; the name only serves to refuse a mismatch (an
 * HTML page named report.pdf). Throws 415 for anything else, 422 for a broken or hostile file.
 */
export async function detectDocumentType(
  bytes: Buffer,
  originalName: string,
): Promise<DetectedType> {
  const sniffed = await fileTypeFromBuffer(bytes);
  let format: DocumentFormatValue;
  if (sniffed?.ext === 'pdf' || startsWith(bytes, '%PDF-')) {
    checkPdf(bytes);
    format = 'pdf';
  } else if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (!(await inspectDocx(bytes))) {
      throw unsupported(`This archive is not a Word document (.docx). ${SUPPORTED}`, {
        detected: sniffed?.mime ?? 'application/zip',
      });
    }
    format = 'docx';
  } else {
    const text = sniffed ? undefined : decodeText(bytes);
    if (text === undefined) {
      throw unsupported(`This kind of file is not supported. ${SUPPORTED}`, {
        detected: sniffed?.mime ?? 'application/octet-stream',
      });
    }
    format = textFormat(text);
  }
  const family = format === 'pdf' || format === 'docx' ? format : 'text';
  const ext = extensionOf(originalName);
  const claimed = ext === undefined ? undefined : CLAIMED[ext];
  if (claimed !== undefined && claimed !== family) {
    throw unsupported(
      `The file is named .${ext} but its content is ${format === 'docx' ? 'a Word document' : format.toUpperCase()}. Rename it or upload the real file.`,
      { detected: TYPES[format].mediaType, claimed: ext },
    );
  }
  return { format, ...TYPES[format] };
}
