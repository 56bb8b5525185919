/**
 * Adds typed or pasted text to a list of chips: commas and line breaks separate entries, blanks
 * are dropped, and an entry already present (ignoring case) is not added twice. Stops at `max`.
 */
export function mergeChips(current: readonly string[], text: string, max = Infinity): string[] {
  const result = [...current];
  const seen = new Set(current.map((value) => value.toLowerCase()));
  for (const part of text.split(/[,\n]/)) {
    const value = part.trim().replace(/\s+/g, ' ');
    if (!value || seen.has(value.toLowerCase())) continue;
    if (result.length >= max) break;
    seen.add(value.toLowerCase());
    result.push(value);
  }
  return result;
}
