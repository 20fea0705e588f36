/**
 * Helpers between antd forms and the API: server field errors shown on the fields they name, and the
 * decision fields (Số quyết định, Ngày quyết định, Ngày hiệu lực) converted to the API's strings.
 */
import type { FormInstance, FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, errorMessage } from '../api/client.ts';
import type { Decision } from '../../contract/common.ts';
import { toIso } from './dates.ts';

/** Minimum length of a new password (docs/api.md: new ≥ 8 chars). */
export const PASSWORD_MIN = 8;

/** Rules of a decision number (số quyết định): at most 100 characters, required where a decision must be cited. */
export function decisionNoRules(required: boolean): FormRule[] {
  return [
    ...(required ? [{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định.' }] : []),
    { max: 100, message: 'Số quyết định tối đa 100 ký tự.' },
  ];
}

/** The rule of every "type it again" field: its value must equal the named field's. */
export function sameAs(field: string, message = 'Hai lần nhập mật khẩu không khớp.'): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) => (!value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message))),
  });
}

export type NamePath = (string | number)[];

/** 'body.operations[3].org' or 'operations.3.org' or '/operations/3/org' → ['operations', 3, 'org']. */
export function toNamePath(field: string): NamePath {
  const parts = field.split(/[.[\]/]+/u).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/u.test(p) ? Number(p) : p));
}

const sameName = (a: NamePath, b: NamePath) => a.length === b.length && a.every((p, i) => String(p) === String(b[i]));

export interface ServerErrorResult {
  /** What to show above the form: the server's message plus the details no field could take. */
  message: string;
  extra: string[];
  /** The fields that received an error, in order. */
  fields: NamePath[];
}

/**
 * Puts each `error.details[].field` message on the registered form field of that name; returns the rest for an
 * alert. Works for any thrown value.
 */
export function applyServerError(form: FormInstance, error: unknown): ServerErrorResult {
  const result: ServerErrorResult = { message: errorMessage(error), extra: [], fields: [] };
  if (!(error instanceof ApiError)) return result;
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const detail of error.details) {
    const path = toNamePath(detail.field);
    const name = registered.find((r) => sameName(r, path));
    if (!name) {
      result.extra.push(detail.field ? `${detail.field}: ${detail.message}` : detail.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  const entries = [...byField.values()];
  form.setFields(entries.map((e) => ({ name: e.name, errors: e.errors })));
  result.fields = entries.map((e) => e.name);
  return result;
}

export interface DecisionValues {
  decisionNo: string;
  decisionDate: Dayjs;
  effectiveDate: Dayjs;
}

export function toDecision(values: DecisionValues): Decision {
  return {
    decisionNo: values.decisionNo.trim(),
    decisionDate: toIso(values.decisionDate),
    effectiveDate: toIso(values.effectiveDate),
  };
}

/** '' and whitespace become undefined, so optional fields are left out of the request. */
export function optionalText(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/**
 * The same error with the field details renamed (`map[field] = newField`) or dropped (`map[field] = null`, the message
 * above the form then says it alone): for a server field the form shows under another name, or one that would only
 * repeat the message on an unrelated input.
 */
export function remapErrorFields(error: unknown, map: Record<string, string | null>): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.flatMap((d) => {
    const field = toNamePath(d.field).join('.');
    const to = field in map ? map[field] : d.field;
    return to === null || to === undefined ? [] : [{ ...d, field: to }];
  });
  return new ApiError(error.status, error.code, error.message, details);
}

/** True when the server refused the named field (400 with it in `error.details`). */
export function isFieldError(error: unknown, field: string): boolean {
  return error instanceof ApiError && error.details.some((d) => toNamePath(d.field).join('.') === field);
}
