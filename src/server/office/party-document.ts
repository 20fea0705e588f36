/**
 * One Word template for every party document the system writes (issue 12 part 8): the layout of Hướng dẫn 36-HD/VPTW
 * on the format of party documents. A4, Times New Roman 13–14 pt, margins 20–25 mm top and bottom, 30–35 mm left,
 * 15–20 mm right; the header in two columns — on the left the superior party committee, the issuing body in bold with
 * a star below it and the number and symbol ("Số 12-NQ/CB"); on the right «ĐẢNG CỘNG SẢN VIỆT NAM» underlined and the
 * place and date line in italics ("Tân Lập, ngày 05 tháng 12 năm 2026", "…, ngày … tháng … năm …" when unknown) —;
 * the kind of document and its summary centred in bold; the body; the footer in two columns — «Nơi nhận:» with the
 * recipients on the left, the signing capacity, position and name on the right. Modules build the body with `text`,
 * `heading` and `table` and render with `renderPartyDocument`; the committee edits and signs the file.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, WidthType } from 'docx';

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
/** Width of the text block in twentieths of a point. */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export interface PartyDocument {
  /** The superior party committee, above the issuing body (null for a province or higher seen without one). */
  superior: string | null;
  /** The issuing body (the cell, the committee). */
  issuer: string;
  /** Kind code of the symbol: NQ, QĐ, BC…; the number is left blank when unknown, printed whole when it holds its symbol. */
  symbol: { kind: string; number: string | null } | null;
  /** Place name of the date line; null leaves "…" for the committee to fill in. */
  place: string | null;
  /** 'YYYY-MM-DD'; null leaves "ngày … tháng … năm …". */
  date: string | null;
  /** NGHỊ QUYẾT, QUYẾT ĐỊNH, BÁO CÁO… */
  kind: string;
  /** The summary line under the kind (trích yếu). */
  summary: string | null;
  body: (Paragraph | Table)[];
  /** Recipients; "Lưu" is always the last one. */
  recipients: string[];
  /** Signing capacity ("T/M CHI BỘ"), position ("BÍ THƯ"), and the signer's name when known. */
  signature: { capacity: string | null; position: string; name?: string | null };
  /** Title in the file's properties. */
  title: string;
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number; breakBefore?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? SIZE,
    bold: o.bold ?? false,
    italics: o.italics ?? false,
    ...(o.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(o.breakBefore ? { break: 1 } : {}),
  });

const lines = (text: string, o: Parameters<typeof run>[1] = {}) => text.split('\n').map((t, i) => run(t, { ...o, breakBefore: i > 0 }));

/** A body paragraph, justified, first line indented (lines split on "\n"). */
export function text(value: string, o: { bold?: boolean; italics?: boolean; center?: boolean; indent?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    children: lines(value, o),
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    ...(o.indent === false || o.center ? {} : { indent: { firstLine: 567 } }),
    spacing: { after: 120, before: o.before ?? 0 },
  });
}

/** A section heading in the body ("1. Tổ chức cơ sở đảng"). */
export const heading = (value: string): Paragraph => text(value, { bold: true, before: 120 });

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A bordered table over the text width; `widths` are relative. Numbers are passed already formatted. */
export function table(header: string[], rows: string[][], widths?: number[]): Table {
  const ws = widths ?? header.map(() => 1);
  const total = ws.reduce((a, w) => a + w, 0);
  const w = ws.map((x) => Math.floor((x / total) * CONTENT_WIDTH));
  const cell = (value: string, i: number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [run(value, { bold })] })],
      width: { size: w[i]!, type: WidthType.DXA },
      borders: { top: line, bottom: line, left: line, right: line },
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    rows: [
      new TableRow({ children: header.map((h, i) => cell(h, i, true)), tableHeader: true }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

/** "Tân Lập, ngày 05 tháng 12 năm 2026"; the unknown parts as "…". */
export function placeDateLine(place: string | null, date: string | null): string {
  const d = date ? `ngày ${date.slice(8, 10)} tháng ${date.slice(5, 7)} năm ${date.slice(0, 4)}` : 'ngày … tháng … năm …';
  return `${place ?? '…'}, ${d}`;
}

/** The symbol's issuer part: CB for a cell, TU for a province or city committee, ĐU for the other committees. */
export function issuerAbbreviation(issuer: string): string {
  const name = issuer.normalize('NFC').trim().toLowerCase();
  if (name.startsWith('chi bộ')) return 'CB';
  if (/^đảng bộ (tỉnh|thành phố)/u.test(name)) return 'TU';
  return 'ĐU';
}

/** "Số 12-NQ/CB", or "Số     -NQ/CB" with the number left to the committee. */
export function numberSymbol(doc: Pick<PartyDocument, 'issuer' | 'symbol'>): string | null {
  if (!doc.symbol) return null;
  // A number recorded whole with its symbol ("123-QĐ/HU") is printed as it was recorded.
  if (doc.symbol.number?.includes('/')) return `Số ${doc.symbol.number}`;
  return `Số ${doc.symbol.number ?? '     '}-${doc.symbol.kind}/${issuerAbbreviation(doc.issuer)}`;
}

const twoColumns = (left: Paragraph[], right: Paragraph[], leftShare = 0.45) =>
  new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: left,
            width: { size: Math.floor(CONTENT_WIDTH * leftShare), type: WidthType.DXA },
            borders: { top: none, bottom: none, left: none, right: none },
          }),
          new TableCell({
            children: right,
            width: { size: Math.ceil(CONTENT_WIDTH * (1 - leftShare)), type: WidthType.DXA },
            borders: { top: none, bottom: none, left: none, right: none },
          }),
        ],
      }),
    ],
  });

const centred = (children: TextRun[], after = 0) => new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { after } });

/** The whole document: header, kind and summary, body, recipients and signature, as a docx file. */
export async function renderPartyDocument(doc: PartyDocument): Promise<Buffer> {
  const symbol = numberSymbol(doc);
  const header = twoColumns(
    [
      ...(doc.superior ? [centred([run(doc.superior.toUpperCase())])] : []),
      centred([run(doc.issuer.toUpperCase(), { bold: true })]),
      centred([run('*')]),
      ...(symbol ? [centred([run(symbol)])] : []),
    ],
    [centred([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true })], 120), centred([run(placeDateLine(doc.place, doc.date), { italics: true })])],
  );
  const recipients = [...doc.recipients.filter((r) => !/^lưu/iu.test(r)), 'Lưu.'];
  const footer = twoColumns(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
      ...recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
    ],
    [
      ...(doc.signature.capacity ? [centred([run(doc.signature.capacity, { bold: true })])] : []),
      centred([run(doc.signature.position, { bold: true })], 1200),
      centred([run(doc.signature.name ?? '', { bold: true })]),
    ],
  );
  const document = new Document({
    creator: 'Hạt Nhân',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: [
          header,
          centred([run(doc.kind, { bold: true, size: 28 })], 60),
          ...(doc.summary ? [centred(lines(doc.summary, { bold: true }), 240)] : [centred([], 240)]),
          ...doc.body,
          new Paragraph({ children: [] }),
          footer,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
