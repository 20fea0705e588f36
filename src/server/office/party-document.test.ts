import { describe, expect, it } from 'vitest';
import { zipEntryText } from '../modules/member-sheet/member-sheet.fixtures.ts';
import { issuerAbbreviation, numberSymbol, placeDateLine, renderPartyDocument, text } from './party-document.ts';

/** The visible text of document.xml, runs joined. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');

describe('party document template (HD 36)', () => {
  it('writes the place and date line, with dots for what is unknown', () => {
    expect(placeDateLine('Tân Lập', '2026-12-05')).toBe('Tân Lập, ngày 05 tháng 12 năm 2026');
    expect(placeDateLine(null, null)).toBe('…, ngày … tháng … năm …');
  });

  it('writes the number and symbol from the issuer, or as recorded', () => {
    expect(issuerAbbreviation('Chi bộ Tổ Toán')).toBe('CB');
    expect(issuerAbbreviation('Đảng bộ tỉnh Hưng Yên')).toBe('TU');
    expect(issuerAbbreviation('Đảng bộ xã Tân Lập')).toBe('ĐU');
    expect(numberSymbol({ issuer: 'Chi bộ Tổ Toán', symbol: { kind: 'NQ', number: '12' } })).toBe('Số 12-NQ/CB');
    expect(numberSymbol({ issuer: 'Chi bộ Tổ Toán', symbol: { kind: 'NQ', number: null } })).toBe('Số      -NQ/CB');
    expect(numberSymbol({ issuer: 'Đảng ủy xã', symbol: { kind: 'QĐ', number: '123-QĐ/ĐU' } })).toBe('Số 123-QĐ/ĐU');
  });

  it('lays out issuing body, number, «ĐẢNG CỘNG SẢN VIỆT NAM», place and date, kind, summary, recipients and signature', async () => {
    const bytes = await renderPartyDocument({
      superior: 'Đảng bộ xã Tân Lập',
      issuer: 'Chi bộ Tổ Toán',
      symbol: { kind: 'NQ', number: '12' },
      place: 'Tân Lập',
      date: '2026-12-05',
      kind: 'NGHỊ QUYẾT',
      summary: 'Đề nghị kết nạp đảng viên',
      body: [text('Chi bộ họp xét đề nghị kết nạp.')],
      recipients: ['Đảng ủy xã Tân Lập (để báo cáo)'],
      signature: { capacity: 'T/M CHI BỘ', position: 'BÍ THƯ', name: 'Nguyễn Văn An' },
      title: 'Nghị quyết',
    });
    const order = [
      'ĐẢNG BỘ XÃ TÂN LẬP',
      'CHI BỘ TỔ TOÁN',
      '*',
      'Số 12-NQ/CB',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Tân Lập, ngày 05 tháng 12 năm 2026',
      'NGHỊ QUYẾT',
      'Đề nghị kết nạp đảng viên',
      'Chi bộ họp xét',
      'Nơi nhận:',
      '- Đảng ủy xã Tân Lập (để báo cáo)',
      '- Lưu.',
      'T/M CHI BỘ',
      'BÍ THƯ',
      'Nguyễn Văn An',
    ];
    const all = textOf(zipEntryText(bytes, 'word/document.xml') ?? '');
    let at = -1;
    for (const part of order) {
      const next = all.indexOf(part, at + 1);
      expect(next, part).toBeGreaterThan(at);
      at = next;
    }
  });
});
