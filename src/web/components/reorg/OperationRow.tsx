/** One operation of the reorganisation: its type and the fields that type needs. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { ReorgOpType } from '../../lib/reorg.ts';
import { REORG_OP_NAMES } from '../../lib/labels.ts';
import { OP_TYPES, type OpRow } from '../../lib/reorg.ts';
import { OrgKindSelect, SectorSelect } from '../CatalogueSelects.tsx';
import { OrgSelect, type OrgOption } from '../OrgSelect.tsx';

export interface OperationRowProps {
  index: number;
  /** The name of the row in the Form.List. */
  name: number;
  row: OpRow | undefined;
  refOptions: OrgOption[];
  highlighted: boolean;
  onTypeChange: (type: ReorgOpType) => void;
  onRemove: () => void;
}

const TYPE_OPTIONS = OP_TYPES.map((t) => ({ value: t, label: REORG_OP_NAMES[t] }));

function Field({ span, children }: { span: number; children: ReactNode }) {
  return <Col span={span}>{children}</Col>;
}

export function OperationRow({ index, name, row, refOptions, highlighted, onTypeChange, onRemove }: OperationRowProps) {
  const type = row?.type ?? 'move';
  const tid = (field: string) => `reorg-op-${index}-${field}`;
  const required = (message: string) => [{ required: true, message }];

  const orgPicker = (field: 'org' | 'newParent' | 'parent' | 'target', label: string, extra?: object[]) => (
    <Form.Item name={[name, field]} label={label} rules={[...required(`Vui lòng chọn ${label.toLowerCase()}.`), ...(extra ?? [])]}>
      <OrgSelect showPath extraOptions={refOptions} data-testid={tid(field)} />
    </Form.Item>
  );
  const nameInput = (label: string) => (
    <Form.Item
      name={[name, 'name']}
      label={label}
      rules={[
        { required: true, whitespace: true, message: 'Vui lòng nhập tên.' },
        { max: 255, message: 'Tên tối đa 255 ký tự.' },
      ]}
    >
      <Input data-testid={tid('name')} />
    </Form.Item>
  );
  const codeInput = (
    <Form.Item name={[name, 'code']} label="Mã tổ chức" rules={[{ max: 50, message: 'Mã tối đa 50 ký tự.' }]}>
      <Input placeholder="Có thể để trống" data-testid={tid('code')} />
    </Form.Item>
  );

  let fields: ReactNode;
  switch (type) {
    case 'move':
      fields = (
        <>
          <Field span={12}>{orgPicker('org', 'Tổ chức cần chuyển')}</Field>
          <Field span={12}>
            {orgPicker('newParent', 'Cấp trên mới', [
              {
                validator: (_r: unknown, v: string | undefined) =>
                  v && v === row?.org ? Promise.reject(new Error('Cấp trên mới phải khác tổ chức cần chuyển.')) : Promise.resolve(),
              },
            ])}
          </Field>
        </>
      );
      break;
    case 'merge':
      fields = (
        <>
          <Field span={12}>
            <Form.Item
              name={[name, 'sources']}
              label="Các tổ chức sáp nhập"
              rules={[{ required: true, type: 'array', min: 1, message: 'Vui lòng chọn ít nhất một tổ chức sáp nhập.' }]}
            >
              <OrgSelect showPath multiple extraOptions={refOptions} data-testid={tid('sources')} />
            </Form.Item>
          </Field>
          <Field span={12}>
            {orgPicker('target', 'Tổ chức tiếp nhận', [
              {
                validator: (_r: unknown, v: string | undefined) =>
                  v && row?.sources?.includes(v)
                    ? Promise.reject(new Error('Tổ chức tiếp nhận không được nằm trong các tổ chức sáp nhập.'))
                    : Promise.resolve(),
              },
            ])}
          </Field>
        </>
      );
      break;
    case 'dissolve':
      fields = <Field span={12}>{orgPicker('org', 'Tổ chức giải thể')}</Field>;
      break;
    case 'rename':
      fields = (
        <>
          <Field span={10}>{orgPicker('org', 'Tổ chức')}</Field>
          <Field span={9}>{nameInput('Tên mới')}</Field>
          <Field span={5}>{codeInput}</Field>
        </>
      );
      break;
    case 'reclassify':
      fields = (
        <>
          <Field span={10}>{orgPicker('org', 'Tổ chức')}</Field>
          <Field span={7}>
            <Form.Item name={[name, 'kindCode']} label="Loại tổ chức mới">
              <OrgKindSelect allowClear placeholder="Giữ nguyên" data-testid={tid('kindCode')} />
            </Form.Item>
          </Field>
          <Field span={7}>
            <Form.Item
              name={[name, 'sectorCode']}
              label="Loại hình mới"
              rules={[
                {
                  validator: (_r: unknown, v: string | undefined) =>
                    !v && !row?.kindCode ? Promise.reject(new Error('Vui lòng chọn loại tổ chức hoặc loại hình mới.')) : Promise.resolve(),
                },
              ]}
            >
              <SectorSelect placeholder="Giữ nguyên" data-testid={tid('sectorCode')} />
            </Form.Item>
          </Field>
        </>
      );
      break;
    case 'create':
      fields = (
        <>
          <Field span={8}>{orgPicker('parent', 'Cấp trên')}</Field>
          <Field span={8}>{nameInput('Tên tổ chức mới')}</Field>
          <Field span={8}>
            <Form.Item name={[name, 'kindCode']} label="Loại tổ chức" rules={required('Vui lòng chọn loại tổ chức.')}>
              <OrgKindSelect data-testid={tid('kindCode')} />
            </Form.Item>
          </Field>
          <Field span={8}>
            <Form.Item name={[name, 'sectorCode']} label="Loại hình">
              <SectorSelect data-testid={tid('sectorCode')} />
            </Form.Item>
          </Field>
          <Field span={8}>{codeInput}</Field>
          <Form.Item name={[name, 'ref']} hidden>
            <Input />
          </Form.Item>
        </>
      );
      break;
  }

  return (
    <Card
      size="small"
      id={`reorg-op-${index}`}
      data-testid={`reorg-op-${index}`}
      style={{ marginBottom: 8, borderColor: highlighted ? '#ff4d4f' : undefined }}
      title={
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span style={{ minWidth: 32 }}>#{index + 1}</span>
          <Form.Item name={[name, 'type']} noStyle>
            <Select options={TYPE_OPTIONS} style={{ width: 160 }} onChange={(t: ReorgOpType) => onTypeChange(t)} data-testid={`reorg-op-type-${index}`} />
          </Form.Item>
          {type === 'create' && row?.ref && (
            <Tooltip title="Mã tạm để các thao tác sau chọn tổ chức mới này làm cấp trên hoặc tổ chức tiếp nhận.">
              <Tag color="green">{row.ref}</Tag>
            </Tooltip>
          )}
        </div>
      }
      extra={
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={`Xóa thao tác #${index + 1}`}
          data-testid={`reorg-op-remove-${index}`}
        />
      }
    >
      <Row gutter={12}>{fields}</Row>
    </Card>
  );
}
