/**
 * Numbers and percentages as Vietnamese writes them, the one formatter of web pages, exports and documents:
 * thousands grouped by a dot, decimals after a comma ("8.716", "2,91%", "113,7%").
 *
 * Written out rather than through Intl/toLocaleString: a Node or browser built without full ICU falls back to
 * "8,716"/"2.91", and antd's Statistic groups with a comma of its own, so the same figure read three ways.
 */

const GROUP = '.';
const DECIMAL = ',';

/**
 * A number with at most `maxFractionDigits` decimals (rounded half away from zero, trailing zeros dropped):
 * 8716 → "8.716", 1234567.5 → "1.234.567,5", -0.004 → "0". Not a finite number → "".
 */
export function formatNumber(value: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(value)) return '';
  const digits = Math.max(0, Math.min(10, Math.trunc(maxFractionDigits)));
  const factor = 10 ** digits;
  // The epsilon keeps 2.905 (stored as 2.90499…) rounding to 2.91, as a person rounding it would.
  const rounded = Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor;
  const [intPart = '0', fracPart = ''] = rounded.toFixed(digits).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/gu, GROUP);
  const fraction = fracPart.replace(/0+$/u, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `${DECIMAL}${fraction}` : ''}`;
}

/** A count of people, organisations, rows: 8716 → "8.716". */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/**
 * A percentage given as a number of percent (2.91 → "2,91%", 113.7 → "113,7%", 100 → "100%"), at most
 * `maxFractionDigits` decimals (two, as the results are computed).
 */
export function formatPercent(value: number, maxFractionDigits = 2): string {
  const text = formatNumber(value, maxFractionDigits);
  return text ? `${text}%` : '';
}

/** A file size for people: 1536 → "1,5 KB", 3 × 1024² → "3 MB". */
export function formatFileSize(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 1024 ? `${formatNumber(kb, 1)} KB` : `${formatNumber(kb / 1024, 1)} MB`;
}
