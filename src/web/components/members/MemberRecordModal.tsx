/**
 * Adds or corrects one sub-record of the member file (work, training, trip, commendation, relative, political
 * history): the fields of its kind from the domain's list, periods typed as DD/MM/YYYY, MM/YYYY or YYYY, full dates
 * picked. Saving a correction replaces the record's data; a blank input clears its field.
 */
import { App, AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { RECORD_FIELDS, RECORD_KIND_LABELS, RELATIONSHIP_LABELS, RELATIONSHIPS, type RecordFieldSpec } from '../../../domain/member-records.ts';
import { useSaveMemberRecord } from '../../api/hooks.ts';
import type { MemberRecord, RecordKind } from '../../../contract/member-records.ts';
import type { MemberFile } from '../../../contract/members.ts';
import { PERIOD_PLACEHOLDER, recordBody, recordFieldRules, recordInitialValues, type RecordFormValues } from '../../lib/member-records.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';

const RELATIONSHIP_OPTIONS = RELATIONSHIPS.map((value) => ({ value, label: RELATIONSHIP_LABELS[value] }));

function RecordFieldInput({ spec, ...rest }: { spec: RecordFieldSpec; id?: string }) {
  const testId = `record-field-${spec.name}`;
  switch (spec.type) {
    case 'period':
      return <Input placeholder={PERIOD_PLACEHOLDER} maxLength={10} autoComplete="off" data-testid={testId} {...rest} />;
    case 'date':
      return <DateInput testId={testId} {...rest} />;
    case 'year':
      return <InputNumber precision={0} controls={false} placeholder="vd. 1955" style={{ width: '100%' }} data-testid={testId} {...rest} />;
    case 'relationship':
      return <Select options={RELATIONSHIP_OPTIONS} placeholder="Chọn" data-testid={testId} {...rest} />;
    case 'longText':
      return <Input.TextArea rows={3} maxLength={spec.max} data-testid={testId} {...rest} />;
    default:
      return spec.suggestions ? (
        <AutoComplete options={spec.suggestions.map((value) => ({ value }))} maxLength={spec.max} data-testid={testId} {...rest} />
      ) : (
        <Input maxLength={spec.max} data-testid={testId} {...rest} />
      );
  }
}

export interface MemberRecordModalProps {
  file: MemberFile;
  kind: RecordKind;
  /** The record to correct; null to add one. */
  record: MemberRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved: (record: MemberRecord) => void;
}

export function MemberRecordModal({ file, kind, record, open, onClose, onSaved }: MemberRecordModalProps) {
  const save = useSaveMemberRecord(file.id);
  const { message } = App.useApp();
  const title = RECORD_KIND_LABELS[kind];

  const submit = async (values: RecordFormValues) => {
    const saved = await save.mutateAsync({ recordId: record?.id, body: recordBody(kind, values) });
    message.success(record ? `Đã sửa một mục «${title}» của hồ sơ ${file.fields.fullName}.` : `Đã thêm một mục «${title}» vào hồ sơ ${file.fields.fullName}.`);
    onSaved(saved);
  };

  return (
    <FormModal<RecordFormValues>
      open={open}
      title={`${record ? 'Sửa' : 'Thêm'} · ${title} · ${file.fields.fullName}`}
      submitText={record ? 'Lưu' : 'Thêm'}
      width={680}
      onCancel={onClose}
      onSubmit={submit}
      initialValues={recordInitialValues(kind, record?.data)}
      testId={`form-record-${kind}`}
    >
      <Row gutter={16}>
        {RECORD_FIELDS[kind].map((spec) => (
          <Col span={spec.type === 'longText' ? 24 : 12} key={spec.name}>
            <Form.Item
              // Server field errors arrive as 'data.<field>': the form names them so.
              name={['data', spec.name]}
              label={spec.label}
              rules={recordFieldRules(spec)}
              dependencies={spec.name === 'to' ? [['data', 'from']] : undefined}
              validateFirst
            >
              <RecordFieldInput spec={spec} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
