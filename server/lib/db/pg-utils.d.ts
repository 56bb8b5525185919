/** node-postgres's own parameter conversion (exported as `pg/lib/utils`, without types). */
declare module 'pg/lib/utils.js' {
  /** A query parameter as node-postgres sends it: text (arrays as literals, objects as JSON) or bytes. */
  export function prepareValue(value: unknown): string | Buffer | null;
}
