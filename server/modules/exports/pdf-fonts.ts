import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The PDF's body font: one family covering Latin and CJK, so "München", "São Paulo" and
 * "東京" all render. pdfkit's built-in fonts know only WinAnsi, so a real font is embedded
 * (pdfkit subsets it: a card adds tens of kB, not megabytes). Looked for in this order:
 *
 * 1. the npm package `@embedpdf/fonts-jp` (Noto Sans CJK JP: Latin, kana and kanji) — what a
 *    fresh `npm install` brings;
 * 2. Debian's `fonts-noto-cjk` (Noto Sans CJK, adds Hangul) — servers and CI that apt-get it;
 * 3. DejaVu Sans (`fonts-dejavu-core`): Latin, Greek, Cyrillic, no CJK;
 * 4. pdfkit's Helvetica: Western European text only.
 *
 * Each font is parsed once per process and reused by every document: parsing a CJK font
 * costs far more than laying out a whole card.
 */
export interface PdfFonts {
  /** What was found, for logs and tests. */
  name: string;
  coversCjk: boolean;
  /** A fontkit font (or a standard font name) for `doc.registerFont`. */
  regular: fontkit.Font | string;
  bold: fontkit.Font | string;
}

interface Candidate {
  name: string;
  coversCjk: boolean;
  files: () => { regular: string; bold: string; family?: [string, string] } | undefined;
}

const require = createRequire(import.meta.url);

function npmFontDir(pkg: string): string | undefined {
  try {
    // The package exports only its index (dist/index.cjs); its fonts sit beside dist/.
    return join(dirname(require.resolve(pkg)), '..', 'fonts');
  } catch {
    return undefined;
  }
}

const existing = (regular: string, bold: string) =>
  existsSync(regular) && existsSync(bold) ? { regular, bold } : undefined;

const CANDIDATES: Candidate[] = [
  {
    name: 'Noto Sans JP (npm @embedpdf/fonts-jp)',
    coversCjk: true,
    files: () => {
      const dir = npmFontDir('@embedpdf/fonts-jp');
      return dir
        ? existing(join(dir, 'NotoSansJP-Regular.otf'), join(dir, 'NotoSansJP-Bold.otf'))
        : undefined;
    },
  },
  {
    name: 'Noto Sans CJK (Debian fonts-noto-cjk)',
    coversCjk: true,
    files: () => {
      const found = existing(
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      );
      return found && { ...found, family: ['NotoSansCJKjp-Regular', 'NotoSansCJKjp-Bold'] };
    },
  },
  {
    name: 'DejaVu Sans (Debian fonts-dejavu-core)',
    coversCjk: false,
    files: () =>
      existing(
        '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
        '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
      ),
  },
];

const HELVETICA: PdfFonts = {
  name: 'Helvetica (built in)',
  coversCjk: false,
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
};

let loaded: PdfFonts | undefined;

/** The best font this machine has, parsed on first use. */
export function pdfFonts(): PdfFonts {
  if (loaded) return loaded;
  for (const candidate of CANDIDATES) {
    const files = candidate.files();
    if (!files) continue;
    try {
      loaded = {
        name: candidate.name,
        coversCjk: candidate.coversCjk,
        regular: fontkit.create(readFileSync(files.regular), files.family?.[0]),
        bold: fontkit.create(readFileSync(files.bold), files.family?.[1]),
      };
      return loaded;
    } catch {
      // A damaged or unexpected font file: try the next one.
    }
  }
  loaded = HELVETICA;
  return loaded;
}
