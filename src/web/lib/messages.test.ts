/**
 * One tone for the messages of the forms: a missing value is asked for politely ("Vui lòng nhập …", "Vui lòng
 * chọn …"), never as a bare order ("Nhập ngày.", "Chọn chi bộ."), whichever form the user is in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/u.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('form messages', () => {
  it('ask for a missing value in one tone', () => {
    const bare: string[] = [];
    for (const file of sources(WEB)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:message: |new Error\()'((?:Nhập|Chọn|Hãy) [^']*)'/gu)) bare.push(`${path.relative(WEB, file)}: ${m[1]}`);
    }
    expect(bare).toEqual([]);
  });
});
