import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph } from 'docx';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import PDFDocument from 'pdfkit';
import type { Account } from '../../test/factories';

/** Real files for tests and benchmarks, made by the libraries people's tools use. */

/** A PDF with one page per entry of `pages` (pdfkit; text in the standard Helvetica font). */
export function makePdf(pages: string[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false, compress: options.compress ?? true });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );
  for (const text of pages) {
    pdf.addPage();
    pdf.fontSize(11).text(text);
  }
  pdf.end();
  return done;
}

/** A .docx with a heading and paragraphs (docx, as Word would open it). */
export function makeDocx(heading: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new DocxDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Deflate (default) or store. */
  deflate?: boolean;
  /** Lie about the inflated size in the headers. */
  declaredSize?: number;
}

/** A ZIP archive written by hand, so tests can build hostile ones (bombs, lying headers). */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const deflate = part.deflate ?? true;
    const body = deflate ? deflateRawSync(part.data) : part.data;
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The two parts that make a ZIP a Word document, to wrap hostile content in. */
export const DOCX_SKELETON: ZipPart[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'word/document.xml', data: Buffer.from('<?xml version="1.0"?><w:document/>') },
];

export interface UploadOptions {
  name?: string;
  contentType?: string;
  fields?: Record<string, string>;
}

/** A multipart/form-data body with the fields first and the file in `file`. */
export function multipartBody(
  bytes: Buffer,
  options: UploadOptions = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ringside${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [key, value] of Object.entries(options.fields ?? {})) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  // As browsers send it (HTML's form encoding): UTF-8, with ", CR and LF percent-escaped.
  const name = (options.name ?? 'file.bin')
    .replace(/"/g, '%22')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        `Content-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** POST /api/v1/documents as `who`. */
export function uploadAs(
  app: FastifyInstance,
  who: Account,
  bytes: Buffer,
  options: UploadOptions = {},
): Promise<LightMyRequestResponse> {
  const body = multipartBody(bytes, options);
  return app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
}
