import { findPersonSpans } from './person-names';
import { type Span, findContactSpans } from './pii-patterns';

/**
 * Reversible PII redaction. Before text leaves the machine, emails, phone numbers and (in
 * private text) person names become placeholders such as ⟦PERSON_1⟧; the mapping stays here,
 * and `restore` puts the originals back into what the model returns, so its quotes still verify
 * against the original evidence. One redactor serves one agent call: the same name gets the same
 * placeholder in every text of the call.
 */

/** `contact`: emails and phone numbers (public pages); `full`: also person names (notes, win/loss). */
export type RedactionMode = 'contact' | 'full';

type Kind = Span['kind'] | 'TEXT';

const PLACEHOLDER = /⟦([A-Z]+)_(\d+)⟧/g;
// The placeholder brackets themselves, when the input already contains them, are redacted too,
// so that restoring can never mistake original text for a placeholder.
const BRACKET = /[⟦⟧]/g;
const MIN_NAME_PART = 3;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Redactor {
  private readonly placeholders = new Map<string, string>();
  private readonly originals = new Map<string, string>();
  private readonly counters = new Map<Kind, number>();
  private readonly knownNames = new Set<string>();
  private knownPattern: RegExp | undefined;

  /** How many distinct values were replaced, by kind. */
  get counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  /** Remembers the names found in `text`, so they are also redacted where they appear alone. */
  learn(text: string): void {
    for (const span of findPersonSpans(text)) this.rememberName(text.slice(span.start, span.end));
  }

  redact(text: string, mode: RedactionMode): string {
    if (mode === 'full') this.learn(text);
    const spans: { start: number; end: number; kind: Kind }[] = findContactSpans(text);
    for (const m of text.matchAll(BRACKET)) {
      spans.push({ start: m.index, end: m.index + 1, kind: 'TEXT' });
    }
    if (this.knownPattern) {
      for (const m of text.matchAll(this.knownPattern)) {
        spans.push({ start: m.index, end: m.index + m[0].length, kind: 'PERSON' });
      }
    }
    // Earliest first, and of two spans starting together the longer; overlapping ones are skipped.
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      out +=
        text.slice(at, span.start) +
        this.placeholderFor(span.kind, text.slice(span.start, span.end));
      at = span.end;
    }
    return out + text.slice(at);
  }

  /** Puts the originals back; placeholders this redactor did not make are left as they are. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (whole) => this.originals.get(whole) ?? whole);
  }

  /** `restore` applied to every string inside a JSON-like value. */
  restoreDeep<T>(value: T): T {
    if (typeof value === 'string') return this.restore(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.restoreDeep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, this.restoreDeep(v as unknown)]),
      ) as T;
    }
    return value;
  }

  private placeholderFor(kind: Kind, original: string): string {
    const key = `${kind}\u0000${original}`;
    let placeholder = this.placeholders.get(key);
    if (!placeholder) {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      placeholder = `⟦${kind}_${n}⟧`;
      this.placeholders.set(key, placeholder);
      this.originals.set(placeholder, original);
    }
    return placeholder;
  }

  private rememberName(name: string): void {
    const parts = name.split(/\s+/).filter((p) => p.length >= MIN_NAME_PART && !p.endsWith('.'));
    const before = this.knownNames.size;
    for (const candidate of [name, ...parts]) this.knownNames.add(candidate);
    if (this.knownNames.size === before) return;
    // Longest first, so "Dana Whitfield" wins over "Dana".
    const alternatives = [...this.knownNames].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.knownPattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
  }
}
