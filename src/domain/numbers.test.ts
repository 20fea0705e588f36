import { describe, expect, it } from 'vitest';
import { formatCount, formatFileSize, formatNumber, formatPercent } from './numbers.ts';

describe('Vietnamese numbers', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(8716)).toBe('8.716');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1.000');
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-9450)).toBe('-9.450');
  });
  it('writes decimals after a comma, trailing zeros dropped', () => {
    expect(formatNumber(1234567.5, 2)).toBe('1.234.567,5');
    expect(formatNumber(2.905, 2)).toBe('2,91');
    expect(formatNumber(2.9, 2)).toBe('2,9');
    expect(formatNumber(3, 2)).toBe('3');
    expect(formatNumber(-0.004, 2)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('');
  });
  it('writes percentages as 2,91% and 113,7%', () => {
    expect(formatPercent(2.91)).toBe('2,91%');
    expect(formatPercent(113.7)).toBe('113,7%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(33.333)).toBe('33,33%');
    expect(formatPercent(1234.5)).toBe('1.234,5%');
  });
  it('writes file sizes', () => {
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(3 * 1024 * 1024)).toBe('3 MB');
  });
});
