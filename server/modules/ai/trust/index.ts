export { checkProfileCitations, checkWriterCitations, findQuoteSpan } from './citations';
export { DATA_RULE, quoteData } from './quoted-data';
export { type RedactionMode, Redactor } from './redaction';
export { boundNumber, sanitizeText, stripInvisible, truncate } from './sanitize';
