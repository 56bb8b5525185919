import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  type ExportDocument,
  type ExportItem,
  formatDate,
  markingNote,
  markingOf,
  metaLine,
  oneLine,
} from './export-model';

/**
 * A Word document that edits well: the title as Title, sections as Heading 1 (so Word's
 * navigation pane and table of contents see them), claims as real bullets, objections as a
 * real table whose header row repeats on each page, and sources as a list the superscript
 * numbers link to.
 */

const ACCENT = '1F3A5F';
const MUTED = '5F6B7A';
const FONT = 'Calibri';

const bookmarkOf = (n: number) => `source_${n}`;

/** The runs of one claim or response: marks, the text, and linked superscript note numbers. */
function claimRuns(item: ExportItem, text: string, withMarks = true) {
  const runs: (TextRun | InternalHyperlink)[] = [];
  if (withMarks && item.internal) {
    runs.push(new TextRun({ text: 'INTERNAL ONLY ', bold: true, color: 'B45309', size: 16 }));
  }
  if (withMarks && item.stale) {
    const reason = item.staleReason ? ` (${oneLine(item.staleReason)})` : '';
    runs.push(new TextRun({ text: `STALE${reason} `, bold: true, color: 'B91C1C', size: 16 }));
  }
  runs.push(new TextRun(oneLine(text)));
  item.notes.forEach((n, i) => {
    runs.push(
      new InternalHyperlink({
        anchor: bookmarkOf(n),
        children: [
          new TextRun({ text: `${i === 0 ? '' : ','}${n}`, superScript: true, color: ACCENT }),
        ],
      }),
    );
  });
  return runs;
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'C9D1DB' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };
const cellMargins = { top: 80, bottom: 80, left: 120, right: 120 };

function headerCell(text: string) {
  return new TableCell({
    borders,
    margins: cellMargins,
    width: { size: 50, type: WidthType.PERCENTAGE },
    shading: { type: ShadingType.CLEAR, fill: ACCENT, color: 'auto' },
    children: [new Paragraph({ children: [new TextRun({ text, bold: true, color: 'FFFFFF' })] })],
  });
}

function objectionTable(items: ExportItem[]): Table {
  const rows = items.map(
    (item) =>
      new TableRow({
        cantSplit: false,
        children: [
          new TableCell({
            borders,
            margins: cellMargins,
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ children: claimRuns(item, item.text) })],
          }),
          new TableCell({
            borders,
            margins: cellMargins,
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                children: item.response
                  ? [new TextRun(oneLine(item.response))]
                  : [new TextRun({ text: 'No response yet', color: MUTED, italics: true })],
              }),
            ],
          }),
        ],
      }),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [headerCell('Objection'), headerCell('Our response')],
      }),
      ...rows,
    ],
  });
}

function sourceParagraph(note: ExportDocument['notes'][number]): Paragraph {
  const children: (TextRun | ExternalHyperlink | Bookmark)[] = [
    new Bookmark({
      id: bookmarkOf(note.number),
      children: [new TextRun({ text: `${note.number}. `, bold: true })],
    }),
    new TextRun({ text: oneLine(note.title), bold: true }),
    new TextRun({ text: ` — captured ${formatDate(note.capturedAt)}`, color: MUTED }),
  ];
  if (note.url) {
    children.push(new TextRun(' — '));
    children.push(
      new ExternalHyperlink({
        link: note.url,
        children: [new TextRun({ text: note.url, style: 'Hyperlink' })],
      }),
    );
  }
  if (note.quotes.length > 0) {
    children.push(
      new TextRun({
        text: ` ${note.quotes.map((q) => `“${oneLine(q)}”`).join('; ')}`,
        italics: true,
        color: MUTED,
      }),
    );
  }
  return new Paragraph({ spacing: { after: 80 }, children });
}

export async function renderDocx(doc: ExportDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(oneLine(doc.title))] }),
    new Paragraph({
      children: [
        new TextRun({ text: oneLine(doc.competitor), bold: true }),
        new TextRun({ text: ` · ${oneLine(metaLine(doc))}`, color: MUTED }),
      ],
    }),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      shading: {
        type: ShadingType.CLEAR,
        fill: doc.audience === 'shareable' ? 'E7F5EC' : 'FDF3E1',
        color: 'auto',
      },
      children: [
        new TextRun({ text: `${markingOf(doc).toUpperCase()}  `, bold: true }),
        new TextRun(markingNote(doc).replace(/^[^:]+: /, '')),
      ],
    }),
  ];

  for (const section of doc.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.title }));
    if (section.key === 'objections') {
      body.push(objectionTable(section.items));
    } else {
      for (const item of section.items) {
        body.push(new Paragraph({ bullet: { level: 0 }, children: claimRuns(item, item.text) }));
      }
    }
  }

  if (doc.notes.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Sources' }));
    body.push(...doc.notes.map(sourceParagraph));
  }

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            color: MUTED,
            size: 16,
            children: [
              `${oneLine(doc.title)} · ${markingOf(doc)} · Page `,
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });

  const document = new Document({
    creator: 'Ringside',
    title: oneLine(doc.title),
    description: `${markingOf(doc)} battlecard export`,
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 28, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
        },
      ],
    },
    sections: [{ footers: { default: footer }, children: body }],
  });
  return Packer.toBuffer(document);
}
