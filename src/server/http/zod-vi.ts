/**
 * Vietnamese messages for validation errors, clearer than the generic locale for the cases users meet; anything
 * else falls back to zod's own Vietnamese locale.
 */
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
  date: 'ngày',
};

let installed = false;

export function installVietnameseErrors(): void {
  if (installed) return;
  installed = true;
  const fallback = z.locales.vi().localeError;
  z.config({
    localeError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          if (issue.input === undefined) return 'Trường này là bắt buộc.';
          return `Sai kiểu dữ liệu: cần ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
        case 'too_small':
          if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Không được để trống.' : `Cần ít nhất ${issue.minimum} ký tự.`;
          if (issue.origin === 'array') return `Cần ít nhất ${issue.minimum} mục.`;
          return `Giá trị phải từ ${issue.minimum} trở lên.`;
        case 'too_big':
          if (issue.origin === 'string') return `Không được dài quá ${issue.maximum} ký tự.`;
          if (issue.origin === 'array') return `Không được quá ${issue.maximum} mục.`;
          return `Giá trị không được vượt quá ${issue.maximum}.`;
        case 'unrecognized_keys':
          return `Trường không được chấp nhận: ${issue.keys.join(', ')}.`;
        case 'invalid_value':
          return `Giá trị không hợp lệ; chỉ chấp nhận: ${issue.values.map(String).join(', ')}.`;
        case 'invalid_format':
          if (issue.format === 'uuid') return 'Mã định danh không hợp lệ.';
          return 'Định dạng không hợp lệ.';
        default:
          return fallback(issue);
      }
    },
  });
}
