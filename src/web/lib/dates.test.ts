import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates.ts';

describe('timestamps shown in Việt Nam time', () => {
  it('adds seven hours, crossing midnight, whatever the machine’s zone', () => {
    expect(formatDateTime('2026-11-23T00:17:36.000Z')).toBe('23/11/2026 07:17:36');
    expect(formatDateTime('2025-06-30T20:00:00Z')).toBe('01/07/2025 03:00:00');
    expect(formatDateTime('')).toBe('');
  });
});
