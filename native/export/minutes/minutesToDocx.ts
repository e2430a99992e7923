// A MinutesLayout as a Word document in 会議録 form: A4 portrait, 明朝 11 pt, 40 characters a line,
// turns with a one-character hanging indent, page number 「- N -」 centred in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { layoutMinutes, TURN_SEPARATOR, type BodyLine, type MinutesLayout, type RosterSection } from './layoutMinutes';
import type { MinutesDocument, MinutesStyle } from './minutesModel';

/** Windows' own name; LibreOffice and Word on other systems substitute a Mincho face for it. */
export const MINUTES_FONT = 'ＭＳ 明朝';
export const FONT_HALF_POINTS = 22;
const TITLE_HALF_POINTS = 28;
/** one full-width character at 11 pt, in twips */
const CHAR = 220;
export const A4 = { width: 11906, height: 16838 };
/** 40 characters a line: (11906 − 2 × 1553) / 220 */
const MARGIN = { top: 1701, bottom: 1418, left: 1553, right: 1553, header: 851, footer: 851, gutter: 0 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function para(text: string, indentChars = 0, extra: { hanging?: boolean; center?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun(text)],
    alignment: extra.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: extra.hanging ? { left: CHAR * (indentChars + 1), hanging: CHAR } : { left: CHAR * indentChars },
    spacing: extra.before ? { before: extra.before } : undefined,
  });
}

/** Rows of plain cells without borders: the header block reads like a typed list, not a form. */
function grid(rows: string[][], widths: number[], indentChars: number): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: CHAR * indentChars, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (c, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
                margins: { left: 0, right: 0, top: 0, bottom: 0 },
                children: [new Paragraph({ children: [new TextRun(c)] })],
              }),
          ),
        }),
    ),
  });
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function rosterBlock(s: RosterSection): (Paragraph | Table)[] {
  const block: (Paragraph | Table)[] = [para(`○${s.label}`, 0, { before: CHAR / 2 })];
  if (s.entries.length === 0) return block;
  const width = Math.floor((TEXT_WIDTH - CHAR * 2) / s.columns);
  const rows = chunk(s.entries, s.columns).map((r) => [...r, ...Array<string>(s.columns - r.length).fill('')]);
  return [...block, grid(rows, Array<number>(s.columns).fill(width), 2)];
}

/** A thin line of its own: an empty paragraph at full line height would leave a gap above the rule. */
function rule(): Paragraph {
  return new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
    spacing: { before: 0, after: CHAR, line: CHAR / 2, lineRule: LineRuleType.EXACT },
  });
}

function bodyParagraphs(line: BodyLine): Paragraph[] {
  switch (line.kind) {
    case 'turn':
      return [para(`${line.speaker}${TURN_SEPARATOR}${line.text}`, 0, { hanging: true })];
    case 'time':
      return [para(line.text, 4)];
    case 'stage':
      return [para(line.text, 2, { hanging: true })];
    case 'rule':
      return line.title ? [rule(), para(line.title, 0, { hanging: true })] : [rule()];
  }
}

export function layoutToDocx(layout: MinutesLayout): Document {
  const header: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: layout.title, size: TITLE_HALF_POINTS })] }),
    para(''),
    grid(layout.facts, [CHAR * 6, TEXT_WIDTH - CHAR * 6], 0),
    ...layout.roster.flatMap(rosterBlock),
    para(`○${layout.agendaLabel}`, 0, { before: CHAR / 2 }),
    ...layout.agenda.map((a) => para(a, 2, { hanging: true })),
    rule(),
  ];
  const font = { ascii: MINUTES_FONT, hAnsi: MINUTES_FONT, eastAsia: MINUTES_FONT, cs: MINUTES_FONT };
  return new Document({
    title: layout.title,
    styles: {
      default: {
        document: {
          run: { font, size: FONT_HALF_POINTS, language: { value: 'ja-JP', eastAsia: 'ja-JP' } },
          paragraph: { spacing: { line: 360, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })],
              }),
            ],
          }),
        },
        children: [...header, ...layout.body.flatMap(bodyParagraphs)],
      },
    ],
  });
}

export function minutesToDocx(doc: MinutesDocument, style: MinutesStyle): Document {
  return layoutToDocx(layoutMinutes(doc, style));
}
