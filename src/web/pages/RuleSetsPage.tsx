/**
 * «Phiên bản quy định»: the versions of the rule set (domain.md §12) — thresholds, quotas, time limits — each with
 * the day it takes effect and what it changed. A system administrator adds a version from a date: the figures of the
 * latest version are copied into the form, the changed ones are previewed (what changes, nothing written), then added.
 */
import { SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { RULE_SET_FIELD_LABELS, formatRuleValue, ruleValueAt, type RuleSetChange, type RuleSetRules } from '../../domain/ruleset-fields.ts';
import { errorMessage } from '../api/client.ts';
import { useAddRuleSet, usePreviewRuleSet, useRuleSets, type NewRuleSet, type RuleSetPreview, type RuleSetVersion } from '../api/rulesets.ts';
import { DateInput } from '../components/DateInput.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, toIso, validDate } from '../lib/dates.ts';

const PATHS = Object.keys(RULE_SET_FIELD_LABELS);

/** The value as the form edits it: numbers, 2/3, lists separated by commas, early bands as 65:12. */
function toText(value: unknown): string {
  if (Array.isArray(value)) {
    return value
      .map((v) => (v && typeof v === 'object' ? `${(v as { upToYears: number }).upToYears}:${(v as { months: number }).months}` : String(v)))
      .join(', ');
  }
  return formatRuleValue(value);
}

/** The text typed back into the shape of `like`; undefined when it cannot be read (the server checks the ranges). */
function fromText(text: string, like: unknown): unknown {
  const t = text.trim();
  const num = (s: string) => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  if (typeof like === 'number') {
    const n = num(t);
    return Number.isNaN(n) ? undefined : n;
  }
  if (Array.isArray(like)) {
    const parts = t === '' ? [] : t.split(',').map((s) => s.trim());
    const sample = like[0];
    if (sample && typeof sample === 'object') {
      const bands = parts.map((p) => p.split(':')).map(([a, b]) => ({ upToYears: num(a ?? ''), months: num(b ?? '') }));
      return bands.some((b) => Number.isNaN(b.upToYears) || Number.isNaN(b.months)) ? undefined : bands;
    }
    if (typeof sample === 'number') {
      const list = parts.map(num);
      return list.some(Number.isNaN) ? undefined : list;
    }
    return parts;
  }
  if (like && typeof like === 'object') {
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
    return m ? { numerator: Number(m[1]), denominator: Number(m[2]) } : undefined;
  }
  return t;
}

/** The groups of figures that differ from `base`, each changed figure whole (a nested one with its siblings). */
function patchOf(base: RuleSetRules, texts: Record<string, string>): { patch: NewRuleSet['rules']; unreadable: string[] } {
  const unreadable: string[] = [];
  const edited = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  for (const path of PATHS) {
    const text = texts[path];
    if (text === undefined) continue;
    const before = ruleValueAt(base, path);
    const value = fromText(text, before);
    if (value === undefined) {
      unreadable.push(RULE_SET_FIELD_LABELS[path]!);
      continue;
    }
    const keys = path.split('.');
    let target: Record<string, unknown> = edited;
    for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
    target[keys.at(-1)!] = value;
  }
  const patch: Record<string, Record<string, unknown>> = {};
  for (const [group, values] of Object.entries(edited)) {
    for (const [key, value] of Object.entries(values)) {
      const was = (base as unknown as Record<string, Record<string, unknown>>)[group]![key];
      if (JSON.stringify(was) !== JSON.stringify(value)) (patch[group] ??= {})[key] = value;
    }
  }
  return { patch: patch as NewRuleSet['rules'], unreadable };
}

const changeColumns: TableColumnsType<RuleSetChange> = [
  { title: 'Quy định', dataIndex: 'label' },
  { title: 'Trước', dataIndex: 'from', width: 160 },
  { title: 'Sau', dataIndex: 'to', width: 160, render: (v: string) => <strong>{v}</strong> },
];

function Changes({ changes }: { changes: RuleSetChange[] }) {
  if (changes.length === 0) return <Typography.Text type="secondary">Không thay đổi số liệu nào so với phiên bản trước (chỉ thay căn cứ).</Typography.Text>;
  return <Table<RuleSetChange> rowKey="path" size="small" pagination={false} columns={changeColumns} dataSource={changes} data-testid="ruleset-changes" />;
}

function AddVersion({ latest }: { latest: RuleSetVersion }) {
  const [form] = Form.useForm<{ effectiveFrom?: Dayjs; basis?: string; note?: string }>();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(PATHS.map((p) => [p, toText(ruleValueAt(latest.rules, p))])));
  const [preview, setPreview] = useState<RuleSetPreview | null>(null);
  const previewMutation = usePreviewRuleSet();
  const add = useAddRuleSet();
  const { message } = App.useApp();

  const input = async (): Promise<NewRuleSet | null> => {
    const v = await form.validateFields();
    const { patch, unreadable } = patchOf(latest.rules, texts);
    if (unreadable.length > 0) {
      message.error(`Không đọc được: ${unreadable.join('; ')}.`);
      return null;
    }
    return { effectiveFrom: toIso(v.effectiveFrom!), basis: v.basis!.trim(), note: v.note?.trim() || null, rules: patch };
  };

  const rows = PATHS.map((path) => ({ path, label: RULE_SET_FIELD_LABELS[path]!, current: toText(ruleValueAt(latest.rules, path)) }));
  return (
    <Card title={`Thêm phiên bản (sao chép từ phiên bản hiệu lực từ ${formatDate(latest.effectiveFrom)})`} data-testid="ruleset-add">
      <Form form={form} layout="vertical" onValuesChange={() => setPreview(null)}>
        <Space wrap align="start">
          <Form.Item
            name="effectiveFrom"
            label="Hiệu lực từ ngày"
            rules={[validDate, { required: true, message: 'Vui lòng chọn ngày hiệu lực.' }]}
            style={{ minWidth: 200 }}
          >
            <DateInput testId="ruleset-effective-from" />
          </Form.Item>
          <Form.Item name="basis" label="Căn cứ (số, ký hiệu văn bản)" rules={[{ required: true, message: 'Vui lòng nhập căn cứ.' }]} style={{ minWidth: 360 }}>
            <Input maxLength={300} data-testid="ruleset-basis" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú" style={{ minWidth: 360 }}>
            <Input maxLength={500} data-testid="ruleset-note" />
          </Form.Item>
        </Space>
      </Form>
      <Table
        rowKey="path"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 640 }}
        columns={[
          { title: 'Quy định', dataIndex: 'label' },
          { title: 'Đang áp dụng', dataIndex: 'current', width: 200 },
          {
            title: 'Phiên bản mới',
            dataIndex: 'path',
            width: 240,
            render: (path: string) => (
              <Input
                value={texts[path]}
                aria-label={RULE_SET_FIELD_LABELS[path]}
                data-testid={`ruleset-field-${path}`}
                onChange={(e) => {
                  setPreview(null);
                  setTexts((t) => ({ ...t, [path]: e.target.value }));
                }}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Button
          data-testid="ruleset-preview"
          loading={previewMutation.isPending}
          onClick={async () => {
            const i = await input();
            if (!i) return;
            try {
              setPreview(await previewMutation.mutateAsync(i));
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          Xem trước
        </Button>
        <Button
          type="primary"
          data-testid="ruleset-save"
          disabled={!preview}
          loading={add.isPending}
          onClick={async () => {
            const i = await input();
            if (!i) return;
            try {
              const r = await add.mutateAsync(i);
              message.success(`Đã thêm phiên bản hiệu lực từ ${formatDate(r.effectiveFrom)}.`);
              setPreview(null);
              form.resetFields();
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          Thêm phiên bản
        </Button>
      </Space>
      {preview && (
        <div style={{ marginTop: 16 }} data-testid="ruleset-preview-result">
          <Alert
            type="info"
            showIcon
            message={`Phiên bản hiệu lực từ ${formatDate(preview.effectiveFrom)}, sao chép từ phiên bản đang áp dụng. Những thay đổi:`}
            style={{ marginBottom: 8 }}
          />
          <Changes changes={preview.changes} />
        </div>
      )}
    </Card>
  );
}

export function RuleSetsPage() {
  const q = useRuleSets();
  const items = useMemo(() => [...(q.data?.items ?? [])].reverse(), [q.data]);
  if (q.error) return <QueryError error={q.error} />;
  const columns: TableColumnsType<RuleSetVersion> = [
    { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', width: 120, render: (d: string) => formatDate(d) },
    { title: 'Đến', dataIndex: 'effectiveTo', width: 120, render: (d: string | null) => (d ? formatDate(d) : '') },
    { title: 'Căn cứ', dataIndex: 'basis' },
    { title: 'Người thêm', dataIndex: 'createdBy', width: 160, render: (v: string | null) => v ?? 'Cài đặt sẵn' },
    { title: '', dataIndex: 'inForce', width: 130, render: (v: boolean) => (v ? <Tag color="green">Đang áp dụng</Tag> : null) },
  ];
  const latest = q.data?.items.at(-1);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        <SettingOutlined /> Phiên bản quy định
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Mỗi phép tính dùng phiên bản có hiệu lực vào ngày của nó; hồ sơ kết nạp dùng phiên bản có hiệu lực ngày mở hồ sơ.
      </Typography.Paragraph>
      <Table<RuleSetVersion>
        rowKey="id"
        loading={q.isLoading}
        dataSource={items}
        columns={columns}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="ruleset-list"
        expandable={{
          expandedRowRender: (v) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {v.note && <Typography.Text>Ghi chú: {v.note}</Typography.Text>}
              <Typography.Text strong>Thay đổi so với phiên bản trước</Typography.Text>
              <Changes changes={v.changes} />
              <Typography.Text strong>Toàn bộ số liệu</Typography.Text>
              <Table
                rowKey="path"
                size="small"
                pagination={false}
                columns={[
                  { title: 'Quy định', dataIndex: 'label' },
                  { title: 'Giá trị', dataIndex: 'value', width: 240 },
                ]}
                dataSource={PATHS.map((path) => ({ path, label: RULE_SET_FIELD_LABELS[path], value: formatRuleValue(ruleValueAt(v.rules, path)) }))}
              />
            </Space>
          ),
        }}
      />
      {q.data?.canEdit && latest && <AddVersion key={latest.id} latest={latest} />}
    </Space>
  );
}
