import { describe, expect, it } from 'vitest';
import { asciiFileName, DOCUMENT_TYPES, storedFileName } from './member-documents.ts';

describe('dossier file names', () => {
  it('keeps the name sent, without its path or control characters, with the extension of the real format', () => {
    expect(storedFileName('C:\\Users\\cb\\Quyết định.pdf', 'pdf')).toBe('Quyết định.pdf');
    expect(storedFileName('scan', 'jpeg')).toBe('scan.jpg');
    expect(storedFileName('don.doc', 'docx')).toBe('don.doc.docx');
    expect(storedFileName('a\u0000b"c.PNG', 'png')).toBe('abc.PNG');
    expect(storedFileName('', 'pdf')).toBe('tai-lieu.pdf');
    expect(storedFileName('../..', 'pdf')).toBe('tai-lieu.pdf');
    expect(storedFileName(`${'x'.repeat(300)}.pdf`, 'pdf')).toHaveLength(200);
    // Decomposed input (macOS) is stored composed.
    expect(storedFileName('Ly\u0301 li\u0323ch.pdf', 'pdf')).toBe('Lý lịch.pdf');
  });
  it('gives an ASCII fallback for old clients', () => {
    expect(asciiFileName('Đơn xin vào Đảng; "bản 2".pdf')).toBe('Don xin vao Dang_ _ban 2_.pdf');
  });
  it('has unique codes', () => {
    expect(new Set(DOCUMENT_TYPES.map((t) => t.code)).size).toBe(DOCUMENT_TYPES.length);
  });
});
