/**
 * The date field of every form: typed or picked as DD/MM/YYYY, full width, with a test id.
 *
 * What was typed stays on screen: an impossible date (31/02/1990, 32/13/2020) is not wiped on leaving the field, the
 * form value becomes an invalid dayjs and the field's `validDate` rule says «Ngày không hợp lệ.» instead of the
 * "please enter" of an empty field. Entering the field selects its text, so that a date typed over a filled field
 * replaces it instead of being appended to it.
 */
import { DatePicker, type DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState, type FocusEvent, type SyntheticEvent } from 'react';
import { DATE_FORMATS, DATE_PLACEHOLDER, fromIso, invalidDateValue, isInvalidDateValue, parseTypedDate, toIso } from '../lib/dates.ts';

type Props = Omit<DatePickerProps, 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'picker' | 'multiple'> & {
  testId: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
};

export function DateInput({ testId, value, onChange, onBlur, ...rest }: Props) {
  // The value the picker last showed: kept while the form holds an invalid date, so that the picker does not replace
  // the typed text by it.
  const shown = useRef<Dayjs | null>(null);
  // Remounts the picker when the form clears an invalid date (a reset): the typed text must go then.
  const [generation, setGeneration] = useState(0);
  const invalid = isInvalidDateValue(value);
  const [wasInvalid, setWasInvalid] = useState(invalid);
  if (wasInvalid !== invalid) {
    setWasInvalid(invalid);
    if (!invalid && !value) setGeneration((g) => g + 1);
  }
  if (!invalid) shown.current = value ?? null;

  const leave = (e: FocusEvent<HTMLElement>) => {
    onBlur?.(e);
    const target = e.target as HTMLInputElement | null;
    if (!target || target.tagName !== 'INPUT') return;
    const text = target.value.trim();
    if (!text) {
      if (invalid) onChange?.(null);
      return;
    }
    const iso = parseTypedDate(text);
    if (iso === null) {
      if (!invalid) onChange?.(invalidDateValue());
      return;
    }
    if (invalid || !value || toIso(value) !== iso) onChange?.(fromIso(iso) ?? null);
  };

  // Focus selects the text; the mouse-up of the click that focused the field would otherwise drop the selection.
  const justFocused = useRef(false);
  const input = (e: SyntheticEvent) => (e.target instanceof HTMLInputElement ? e.target : null);

  return (
    <span
      style={{ display: 'block' }}
      onFocusCapture={(e) => {
        justFocused.current = true;
        input(e)?.select();
      }}
      onMouseUpCapture={(e) => {
        if (justFocused.current && input(e)) {
          e.preventDefault();
          input(e)!.select();
        }
        justFocused.current = false;
      }}
    >
      <DatePicker
        key={generation}
        format={DATE_FORMATS}
        placeholder={DATE_PLACEHOLDER}
        style={{ width: '100%' }}
        data-testid={testId}
        preserveInvalidOnBlur
        status={invalid ? 'error' : undefined}
        {...rest}
        value={shown.current}
        onChange={(v) => onChange?.(v ?? null)}
        onBlur={leave}
      />
    </span>
  );
}
