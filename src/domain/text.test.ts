import { describe, expect, it } from 'vitest';
import { foldAccents, normalizeText, personSortKey, splitPersonName } from './text.ts';

describe('Vietnamese text', () => {
  it('folds accents and đ for search', () => {
    expect(foldAccents('Xã Tân Lập')).toBe('xa tan lap');
    expect(foldAccents('Đặng Thị Ánh')).toBe('dang thi anh');
    expect(foldAccents('NGÔ ĐỨC ĐẠT')).toBe('ngo duc dat');
  });
  it('stores NFC with collapsed spaces', () => {
    const decomposed = 'Nguye\u0302\u0303n  Va\u0306n An ';
    expect(normalizeText(decomposed)).toBe('Nguyễn Văn An');
    expect(normalizeText(decomposed).length).toBe('Nguyễn Văn An'.length);
  });
  it('splits family, middle and given names', () => {
    expect(splitPersonName('Nguyễn Thị Minh Khai')).toEqual({ family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' });
    expect(splitPersonName('An')).toEqual({ family: '', middle: '', given: 'An' });
  });
  it('sorts by given name, then family name, then middle name, in Vietnamese alphabet order', () => {
    const names = ['Ngô Đức Đạt', 'Đặng Thị Ánh', 'Nguyễn Văn An', 'Trần Văn An', 'Lê Dũng', 'Bùi Thị Ân'];
    const sorted = [...names].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    // An (Nguyễn) < An (Trần) < Ánh < Ân < Dũng < Đạt: a < ă < â, d < đ, tone after base letters
    expect(sorted).toEqual(['Nguyễn Văn An', 'Trần Văn An', 'Đặng Thị Ánh', 'Bùi Thị Ân', 'Lê Dũng', 'Ngô Đức Đạt']);
  });
});

describe('names typed in lower or upper case', () => {
  it('offers each word capitalised, in NFC', async () => {
    const { capitalizedName } = await import('./text.ts');
    expect(capitalizedName('nguyễn văn test')).toBe('Nguyễn Văn Test');
    expect(capitalizedName('  nguye\u0302\u0303n   văn test ')).toBe('Nguyễn Văn Test');
    expect(capitalizedName('ĐẶNG THỊ ÁNH')).toBe('Đặng Thị Ánh');
    expect(capitalizedName('Nguyễn văn An')).toBe('Nguyễn Văn An');
    expect(capitalizedName('đỗ')).toBe('Đỗ');
  });
  it('offers nothing for a name that already reads right', async () => {
    const { capitalizedName } = await import('./text.ts');
    expect(capitalizedName('Nguyễn Văn Test')).toBeNull();
    expect(capitalizedName('Giàng A Páo')).toBeNull();
    expect(capitalizedName('Nguyễn Thị McKay')).toBeNull();
    expect(capitalizedName('A')).toBeNull();
    expect(capitalizedName('')).toBeNull();
  });
});
