import { describe, expect, it } from 'vitest';
import { downloadName } from './download-name';

describe('downloadName', () => {
  it('prefers the UTF-8 filename*', () => {
    const header = `attachment; filename="Zurich-battlecard-v2.pdf"; filename*=UTF-8''${encodeURIComponent('Zürich-東京-battlecard-v2.pdf')}`;
    expect(downloadName(header, 'x.pdf')).toBe('Zürich-東京-battlecard-v2.pdf');
  });

  it('falls back to the ASCII filename, then to the fallback', () => {
    expect(downloadName('attachment; filename="Acme-battlecard-v1.md"', 'x.md')).toBe(
      'Acme-battlecard-v1.md',
    );
    expect(downloadName("attachment; filename*=UTF-8''%E0%A4%A", 'x.md')).toBe('x.md');
    expect(downloadName(null, 'card.pdf')).toBe('card.pdf');
  });

  it('never keeps a path', () => {
    expect(downloadName(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`, 'x')).toBe(
      '..-..-etc-passwd',
    );
  });
});
