import { XMLParser } from 'fast-xml-parser';
import { htmlFragmentText, tidy } from './extract-text';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom → items. Entities and DTDs are not processed: a feed is
 * untrusted input, and entity expansion is how XML bombs and external-entity reads work.
 */

export interface FeedItem {
  /** GUID / Atom id, else the link: what makes an item the same item next time. */
  key: string;
  title: string;
  url: string | null;
  publishedAt: Date | null;
  text: string;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
}

export class FeedError extends Error {
  override readonly name = 'FeedError';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '__cdata',
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

type Node = Record<string, unknown> | string | undefined;

/** The text of an element that may carry attributes (`{ '#text': … }`) or CDATA. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object') {
    const record = node as Record<string, unknown>;
    return textOf(record.__cdata || record['#text'] || '');
  }
  return '';
}

/** The five XML entities, which we decode ourselves since entity processing is off. */
function decodeBasicEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[\da-f]+);/gi, (all, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    if (lower === 'amp') return '&';
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  });
}

function atomLink(links: unknown): string | null {
  const list = (Array.isArray(links) ? links : [links]) as Node[];
  for (const link of list) {
    if (link && typeof link === 'object') {
      const rel = link['@rel'];
      if ((rel === undefined || rel === 'alternate') && typeof link['@href'] === 'string') {
        return link['@href'];
      }
    } else if (typeof link === 'string' && link) return link;
  }
  return null;
}

function dateOf(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function itemText(html: string): string {
  const decoded = decodeBasicEntities(html);
  return /<[a-z!/]/i.test(decoded) ? htmlFragmentText(decoded) : tidy(decoded);
}

export function parseFeed(xml: string): ParsedFeed {
  let doc: Record<string, Record<string, unknown> | undefined>;
  try {
    doc = parser.parse(xml) as typeof doc;
  } catch (err) {
    throw new FeedError(`not a valid feed: ${(err as Error).message.slice(0, 200)}`);
  }
  const rss = doc.rss?.channel as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'];
  const atom = doc.feed;
  const raw = (rss?.item ?? rdf?.item ?? atom?.entry) as Record<string, unknown>[] | undefined;
  if (!rss && !rdf && !atom) throw new FeedError('not an RSS or Atom feed');
  const channel = rss ?? (rdf?.channel as Record<string, unknown> | undefined) ?? atom ?? {};
  const items: FeedItem[] = [];
  for (const entry of raw ?? []) {
    const title = tidy(decodeBasicEntities(textOf(entry.title)));
    const url = httpUrl(atom ? atomLink(entry.link) : textOf(entry.link));
    const guid = textOf(entry.guid) || textOf(entry.id) || textOf(entry['@rdf:about']);
    const key = (guid || url || title).slice(0, 1000);
    if (!key) continue;
    const body = textOf(
      entry['content:encoded'] ?? entry.content ?? entry.description ?? entry.summary,
    );
    items.push({
      key,
      title: title || url || 'Untitled item',
      url,
      publishedAt: dateOf(
        textOf(entry.pubDate ?? entry.published ?? entry.updated ?? entry['dc:date']),
      ),
      text: itemText(body),
    });
  }
  return { title: tidy(decodeBasicEntities(textOf(channel.title))), items };
}
