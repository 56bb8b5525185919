import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import { type AnyNode, isDocument, isTag, isText } from 'domhandler';
import { parseHTML } from 'linkedom';

/**
 * A web page → the text people read on it, one block per line. With a CSS selector, only
 * that part of the page; otherwise Readability's article, or the body without its chrome when
 * Readability finds too little (pricing pages are tables and cards, not articles).
 */

export interface ExtractOptions {
  selector?: string | null;
  /** Elements removed before anything is read (ignore rules). */
  ignoreSelectors?: readonly string[];
}

export interface ExtractedPage {
  title: string;
  text: string;
}

/** Raised when a selector is not valid CSS or matches nothing. */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);
const NEVER_TEXT = 'script, style, noscript, template, svg, iframe, object, canvas';
const CHROME = 'nav, header, footer, aside, [role="navigation"], [aria-hidden="true"]';

function blockText(nodes: AnyNode[]): string {
  const out: string[] = [];
  const walk = (node: AnyNode) => {
    if (isText(node)) out.push(node.data);
    else if (isDocument(node)) for (const child of node.children) walk(child);
    else if (isTag(node)) {
      const block = BLOCK.has(node.name);
      if (block) out.push('\n');
      for (const child of node.children) walk(child);
      if (block) out.push('\n');
    }
  };
  for (const node of nodes) walk(node);
  return tidy(out.join(''));
}

/** One block per line, spaces collapsed, no empty lines. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function select($: cheerio.CheerioAPI, selector: string) {
  try {
    return $(selector);
  } catch {
    throw new SelectorError(`"${selector}" is not a valid CSS selector`);
  }
}

export function extractPageText(html: string, options: ExtractOptions = {}): ExtractedPage {
  const $ = cheerio.load(html);
  const title = tidy($('title').first().text()) || tidy($('h1').first().text());
  $(NEVER_TEXT).remove();
  for (const selector of options.ignoreSelectors ?? []) select($, selector).remove();

  if (options.selector) {
    const found = select($, options.selector);
    if (found.length === 0) {
      throw new SelectorError(`"${options.selector}" matches nothing on the page`);
    }
    return { title, text: blockText(found.toArray()) };
  }

  const withoutChrome = cheerio.load($.html());
  withoutChrome(CHROME).remove();
  const fullText = blockText(withoutChrome('body').toArray());

  // Readability works on its own DOM (it mutates it); it sees the page after ignore rules.
  const dom = parseHTML($.html()) as unknown as {
    document: ConstructorParameters<typeof Readability>[0];
  };
  const article = new Readability(dom.document, {
    charThreshold: 200,
  }).parse();
  if (article?.content) {
    const text = blockText(cheerio.load(article.content).root().toArray());
    // Too small a share of the page means Readability picked a fragment (a pricing grid is
    // not an article): keep the whole page instead.
    if (text.length >= 200 && text.length >= fullText.length * 0.25) {
      return { title: tidy(article.title ?? '') || title, text };
    }
  }
  return { title, text: fullText };
}

/** Plain text of an HTML fragment (feed item descriptions). */
export function htmlFragmentText(html: string): string {
  const $ = cheerio.load(html);
  $(NEVER_TEXT).remove();
  return blockText($.root().toArray());
}
