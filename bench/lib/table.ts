import type { ResultRow } from './scenario';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  value(row: ResultRow): string;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

const COLUMNS: Column[] = [
  { title: 'target', width: 24, align: 'left', value: (r) => r.target },
  { title: 'conns', width: 6, align: 'right', value: (r) => String(r.connections) },
  { title: 'in flight', width: 9, align: 'right', value: (r) => int(r.inFlight) },
  { title: 'req/s', width: 9, align: 'right', value: (r) => int(r.reqPerSec) },
  { title: 'p50 ms', width: 7, align: 'right', value: (r) => ms(r.latencyP50Ms) },
  { title: 'p99 ms', width: 7, align: 'right', value: (r) => ms(r.latencyP99Ms) },
  { title: 'errors', width: 7, align: 'right', value: (r) => int(r.errors) },
  { title: 'timeouts', width: 8, align: 'right', value: (r) => int(r.timeouts) },
  { title: 'non-2xx', width: 8, align: 'right', value: (r) => int(r.non2xx) },
  {
    title: 'others cpu',
    width: 10,
    align: 'right',
    value: (r) => (r.othersCpu === undefined ? '-' : `${Math.round(r.othersCpu)}%`),
  },
  {
    title: 'vs baseline',
    width: 11,
    align: 'right',
    value: (r) =>
      r.baseline ? '1.00 (base)' : r.vsBaseline === undefined ? '-' : r.vsBaseline.toFixed(2),
  },
];

const cell = (text: string, c: Column) =>
  c.align === 'left' ? text.padEnd(c.width) : text.padStart(c.width);

/** A fixed-width table; a row with errors, timeouts or non-2xx answers is marked with "!". */
export function formatTable(rows: ResultRow[]): string {
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  const header = line(COLUMNS.map((c) => cell(c.title, c)));
  const rule = '-'.repeat(header.length);
  const body = rows.map((row) => {
    const flagged = row.errors + row.timeouts + row.non2xx > 0;
    return line(COLUMNS.map((c) => cell(c.value(row), c))) + (flagged ? '  !' : '');
  });
  return [header, rule, ...body].join('\n');
}
