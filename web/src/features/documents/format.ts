import type { DocumentFormatValue, DocumentStatusValue } from '../../../../common/document-values';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${Math.round(bytes / 1024)} KB`;
  const trim = (n: number) => Number(n.toFixed(1)).toString();
  if (bytes < 1_073_741_824) return `${trim(bytes / 1_048_576)} MB`;
  return `${trim(bytes / 1_073_741_824)} GB`;
}

export const formatLabel: Record<DocumentFormatValue, string> = {
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
  markdown: 'Markdown',
  csv: 'CSV',
  text: 'Text',
};

export const statusLabel: Record<DocumentStatusValue, string> = {
  queued: 'Waiting to be read',
  extracting: 'Reading text…',
  ready: 'Ready',
  failed: 'Could not be read',
};

/** What to tell someone whose file was refused, by the server's stable code. */
export function uploadErrorMessage(code: string, serverMessage: string, maxBytes?: number): string {
  switch (code) {
    case 'file_too_large':
      return `Too large: files can be at most ${maxBytes ? formatBytes(maxBytes) : '10 MB'}.`;
    case 'storage_quota_exceeded':
      return 'The workspace’s document storage is full. Delete documents you no longer need.';
    case 'unsupported_media_type':
      return serverMessage;
    case 'empty_file':
      return 'This file is empty.';
    default:
      return serverMessage;
  }
}

/** "3 pages · 1,204 words · English" */
export function documentFacts(doc: {
  pageCount: number | null;
  wordCount: number | null;
  language: string | null;
}): string {
  const parts: string[] = [];
  if (doc.pageCount !== null) parts.push(`${doc.pageCount} page${doc.pageCount === 1 ? '' : 's'}`);
  if (doc.wordCount !== null) parts.push(`${doc.wordCount.toLocaleString('en-US')} words`);
  if (doc.language) {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(doc.language);
    if (name) parts.push(name);
  }
  return parts.join(' · ');
}
