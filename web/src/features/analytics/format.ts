/** 0.667 → "67%"; null (nothing decided) → "—". */
export const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 100)}%`;
