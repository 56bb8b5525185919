import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { label: 'Competitor', value: (r: { name: string; rate: number | null }) => r.name },
    { label: 'Win rate', value: (r: { name: string; rate: number | null }) => r.rate },
  ];

  it('quotes fields with commas, quotes and line breaks, and leaves empty values empty', () => {
    const csv = toCsv(
      [
        { name: 'Acme, Inc.', rate: 0.5 },
        { name: 'Say "hi"\nthere', rate: null },
      ],
      columns,
    );
    expect(csv).toBe('Competitor,Win rate\r\n"Acme, Inc.",0.5\r\n"Say ""hi""\nthere",\r\n');
  });

  it('defuses spreadsheet formulas in text cells but not negative numbers', () => {
    const csv = toCsv([{ name: '=HYPERLINK("x")', rate: -1 }], columns);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",-1`);
  });
});
