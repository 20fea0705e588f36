/**
 * A person's name field: what is typed is kept as typed (in NFC), and a name typed all in lower or upper case is
 * offered back with each word capitalised («Nguyễn Văn Test»), which the user takes with one click.
 */
import { Button, Input, type InputProps } from 'antd';
import type { ChangeEvent } from 'react';
import { capitalizedName } from '../../domain/text.ts';

type Props = Omit<InputProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
  testId: string;
};

export function NameInput({ value, onChange, testId, onBlur, ...rest }: Props) {
  const suggestion = value ? capitalizedName(value) : null;
  return (
    <>
      <Input
        maxLength={150}
        autoComplete="off"
        {...rest}
        data-testid={testId}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange?.(e.target.value)}
        onBlur={(e) => {
          // Stored in NFC: a name pasted in decomposed form must match the same name typed.
          if (value && value.normalize('NFC') !== value) onChange?.(value.normalize('NFC'));
          onBlur?.(e);
        }}
      />
      {suggestion && (
        <div className="hn-muted" style={{ marginTop: 4 }} data-testid={`${testId}-suggestion`}>
          Viết hoa chữ cái đầu: «{suggestion}»{' '}
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => onChange?.(suggestion)}
            data-testid={`${testId}-suggestion-apply`}
          >
            Dùng tên này
          </Button>
        </div>
      )}
    </>
  );
}
