/**
 * Step "Thao tác" of the reorganisation: the ordered list of operations. Organisations created by an earlier row
 * (ref "new-N") can be picked in later rows. Long lists are shown 50 rows at a time.
 */
import { CopyOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Pagination, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import type { ReorgOpType } from '../../lib/reorg.ts';
import { fromIso } from '../../lib/dates.ts';
import { REORG_OP_NAMES } from '../../lib/labels.ts';
import { emptyRow, nextRef, OP_TYPES, toOp, type OpRow } from '../../lib/reorg.ts';
import type { OrgOption } from '../OrgSelect.tsx';
import { ImportJsonModal } from './ImportJsonModal.tsx';
import { OperationRow } from './OperationRow.tsx';

export const PAGE_SIZE = 50;

function refOptionsBefore(rows: (OpRow | undefined)[], index: number): OrgOption[] {
  const options: OrgOption[] = [];
  rows.slice(0, index).forEach((row, i) => {
    if (row?.type === 'create' && row.ref) {
      options.push({
        value: row.ref,
        label: `${row.name?.trim() || '(chưa đặt tên)'} (mới, ${row.ref})`,
        hint: `Thành lập ở thao tác #${i + 1}`,
      });
    }
  });
  return options;
}

export interface OperationsEditorProps {
  form: FormInstance;
  page: number;
  onPageChange: (page: number) => void;
  highlightIndex: number | null;
}

export function OperationsEditor({ form, page, onPageChange, highlightIndex }: OperationsEditorProps) {
  const rows = (Form.useWatch('operations', form) as (OpRow | undefined)[] | undefined) ?? [];
  const [importOpen, setImportOpen] = useState(false);
  const { message } = App.useApp();

  const copyJson = async () => {
    const ops = (form.getFieldValue('operations') as OpRow[] | undefined) ?? [];
    try {
      await navigator.clipboard.writeText(JSON.stringify(ops.map(toOp), null, 2));
      message.success('Đã sao chép danh sách thao tác dạng JSON.');
    } catch {
      message.error('Trình duyệt không cho phép sao chép.');
    }
  };

  return (
    <Form.List
      name="operations"
      rules={[
        {
          validator: (_rule, value: unknown[] | undefined) =>
            value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error('Vui lòng thêm ít nhất một thao tác.')),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => {
        const pages = Math.max(1, Math.ceil(fields.length / PAGE_SIZE));
        const current = Math.min(page, pages);
        const visible = fields.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
        const addRow = (type: ReorgOpType) => {
          add(emptyRow(type, rows));
          onPageChange(Math.ceil((fields.length + 1) / PAGE_SIZE));
        };
        return (
          <>
            {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thao tác nào. Chọn loại thao tác bên dưới để thêm." />}
            {visible.map((field) => {
              const index = field.name;
              return (
                <OperationRow
                  key={field.key}
                  index={index}
                  name={field.name}
                  row={rows[index]}
                  refOptions={refOptionsBefore(rows, index)}
                  highlighted={highlightIndex === index}
                  onRemove={() => remove(field.name)}
                  onTypeChange={(type) => {
                    const base: OpRow = { type };
                    if (type === 'create') base.ref = rows[index]?.ref ?? nextRef(rows);
                    form.setFieldValue(['operations', index], base);
                  }}
                />
              );
            })}
            <Form.ErrorList errors={errors} />
            {fields.length > PAGE_SIZE && (
              <Pagination
                current={current}
                pageSize={PAGE_SIZE}
                total={fields.length}
                onChange={onPageChange}
                showSizeChanger={false}
                size="small"
                style={{ margin: '8px 0' }}
              />
            )}
            <Space wrap style={{ marginTop: 8 }}>
              <span>Thêm thao tác:</span>
              {OP_TYPES.map((type) => (
                <Button key={type} icon={<PlusOutlined />} onClick={() => addRow(type)} data-testid={`reorg-add-${type}`}>
                  {REORG_OP_NAMES[type]}
                </Button>
              ))}
            </Space>
            <Space wrap style={{ marginTop: 8, display: 'flex' }}>
              <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="reorg-import-json">
                Nhập danh sách từ JSON
              </Button>
              <Button icon={<CopyOutlined />} disabled={fields.length === 0} onClick={() => void copyJson()} data-testid="reorg-copy-json">
                Sao chép dạng JSON
              </Button>
            </Space>
            <ImportJsonModal
              open={importOpen}
              onClose={() => setImportOpen(false)}
              onImport={(imported, mode) => {
                const existing = (form.getFieldValue('operations') as OpRow[] | undefined) ?? [];
                const next = mode === 'replace' ? imported.rows : [...existing, ...imported.rows];
                form.setFieldValue('operations', next);
                const d = imported.decision;
                if (d?.decisionNo) form.setFieldValue('decisionNo', d.decisionNo);
                if (d?.decisionDate) form.setFieldValue('decisionDate', fromIso(d.decisionDate));
                if (d?.effectiveDate) form.setFieldValue('effectiveDate', fromIso(d.effectiveDate));
                onPageChange(1);
                setImportOpen(false);
                message.success(`Đã nhập ${imported.rows.length} thao tác.`);
              }}
            />
          </>
        );
      }}
    </Form.List>
  );
}
