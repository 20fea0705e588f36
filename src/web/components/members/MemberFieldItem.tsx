/** One field of the member file in a form: the input its kind needs, its label, the server's limits as rules. */
import { Form, Input, InputNumber, Radio } from 'antd';
import { DATE_PLACEHOLDER } from '../../lib/dates.ts';
import { DateInput } from '../DateInput.tsx';
import { NameInput } from '../NameInput.tsx';
import { GENDER_NAMES } from '../../lib/labels.ts';
import { fieldRules, normalizeCccd, type FieldSpec } from '../../lib/member-fields.ts';
import { MemberCatalogueSelect } from '../CatalogueSelects.tsx';
import { OrgSelect } from '../OrgSelect.tsx';

const GENDER_OPTIONS = Object.entries(GENDER_NAMES).map(([value, label]) => ({ value, label }));

function FieldInput({ spec, placeholder, ...rest }: { spec: FieldSpec; placeholder?: string; id?: string }) {
  const testId = `member-field-${spec.name}`;
  const common = { ...rest, 'data-testid': testId, placeholder: placeholder ?? spec.placeholder };
  switch (spec.kind.type) {
    case 'date':
      return <DateInput {...rest} testId={testId} placeholder={common.placeholder ?? DATE_PLACEHOLDER} />;
    case 'year':
      return <InputNumber min={1900} max={2100} precision={0} controls={false} style={{ width: '100%' }} {...common} />;
    case 'gender':
      return <Radio.Group options={GENDER_OPTIONS} {...rest} data-testid={testId} />;
    case 'catalogue':
      return <MemberCatalogueSelect catalogue={spec.kind.catalogue} {...common} placeholder={common.placeholder ?? 'Chọn'} />;
    case 'org':
      return <OrgSelect {...common} placeholder={common.placeholder ?? 'Gõ tên chi bộ để tìm'} />;
    case 'cccd':
      return <Input inputMode="numeric" autoComplete="off" maxLength={16} className="hn-mono" {...common} />;
    case 'phone':
      return <Input inputMode="tel" autoComplete="off" maxLength={20} {...common} />;
    case 'email':
      return <Input inputMode="email" autoComplete="off" maxLength={150} {...common} />;
    default:
      if (spec.name === 'fullName') return <NameInput maxLength={spec.kind.max} {...rest} placeholder={common.placeholder} testId={testId} />;
      return <Input maxLength={spec.kind.max} {...common} />;
  }
}

export interface MemberFieldItemProps {
  spec: FieldSpec;
  /** Overrides the spec's label (e.g. "Chi bộ sinh hoạt"). */
  label?: string;
  required?: boolean;
  extra?: string;
  placeholder?: string;
  tooltip?: string;
}

export function MemberFieldItem({ spec, label, required, extra, placeholder, tooltip }: MemberFieldItemProps) {
  const effective = required === undefined ? spec : { ...spec, required };
  return (
    <Form.Item
      name={spec.name}
      label={label ?? spec.label}
      rules={fieldRules(effective)}
      extra={extra ?? spec.extra}
      tooltip={tooltip}
      normalize={spec.kind.type === 'cccd' ? normalizeCccd : undefined}
      validateFirst
    >
      <FieldInput spec={spec} placeholder={placeholder} />
    </Form.Item>
  );
}
