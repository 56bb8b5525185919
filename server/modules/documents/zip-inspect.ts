import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../../lib/errors';

/** Limits that keep a hostile archive (a ZIP bomb) from costing memory or time. */
export const ZIP_LIMITS = {
  /** A real .docx has tens of parts; thousands means a bomb or a junk archive. */
  maxEntries: 2_000,
  /** All parts inflated, declared and actual. */
  maxInflatedBytes: 64 * 1_048_576,
  /** One part's inflated size over its compressed size (XML compresses ~10–30×). */
  maxRatio: 200,
};

const inflate = promisify(inflateRaw) as (
  buffer: Buffer,
  options: { maxOutputLength: number },
) => Promise<Buffer>;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const malformed = (why: string) =>
  new AppError('document_malformed', 422, `The file is not a readable Word document: ${why}.`);
const bomb = (why: string) =>
  new AppError(
    'archive_limits_exceeded',
    422,
    `The Word document was refused: ${why}. It looks like a ZIP bomb or a damaged archive.`,
  );

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory; every offset is bounds-checked, nothing is inflated. */
export function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  // The end record is in the last 22 bytes plus a comment of up to 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw malformed('the archive has no end record (truncated?)');
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw malformed('ZIP64 archives are not accepted');
  if (count > ZIP_LIMITS.maxEntries) {
    throw bomb(`it has ${count} parts (at most ${ZIP_LIMITS.maxEntries})`);
  }
  if (offset + size > end) throw malformed('the directory points outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) {
      throw malformed('a directory record is damaged');
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) throw malformed('a part name runs past the directory');
    entries.push({
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of one part, located through its local header. */
function dataOf(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) {
    throw malformed(`the part ${entry.name} is damaged`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) throw malformed(`the part ${entry.name} is cut off`);
  return bytes.subarray(start, stop);
}

/**
 * Checks that a ZIP is a .docx we can safely read: the parts Word needs, no encryption, few
 * enough parts, and a bounded inflated size — declared AND actual (a header may lie), each part
 * inflated on the libuv thread pool with an output cap, so the event loop never blocks.
 * Returns false when the archive is sound but not a Word document (e.g. an .xlsx).
 */
export async function inspectDocx(bytes: Buffer): Promise<boolean> {
  const entries = readCentralDirectory(bytes);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) return false;
  let declared = 0;
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new AppError('document_encrypted', 422, 'The Word document is password-protected.');
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw malformed(`the part ${entry.name} uses an unsupported compression`);
    }
    declared += entry.size;
    if (declared > ZIP_LIMITS.maxInflatedBytes) {
      throw bomb(`its parts would inflate to more than ${ZIP_LIMITS.maxInflatedBytes >> 20} MB`);
    }
    if (
      entry.size > 1_048_576 &&
      entry.size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.maxRatio
    ) {
      throw bomb(`the part ${entry.name} is compressed more than ${ZIP_LIMITS.maxRatio}×`);
    }
  }
  let actual = 0;
  for (const entry of entries) {
    const data = dataOf(bytes, entry);
    let size = data.length;
    if (entry.method === 8) {
      const budget = ZIP_LIMITS.maxInflatedBytes - actual;
      try {
        size = (await inflate(data, { maxOutputLength: Math.max(1, budget) })).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw bomb(`its parts inflate to more than ${ZIP_LIMITS.maxInflatedBytes >> 20} MB`);
        }
        throw malformed(`the part ${entry.name} does not inflate`);
      }
    }
    if (size !== entry.size) throw malformed(`the part ${entry.name} is not the size it declares`);
    actual += size;
  }
  return true;
}
