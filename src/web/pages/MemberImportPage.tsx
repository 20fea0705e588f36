/**
 * "Nhập danh sách đảng viên từ Excel": a three-step wizard over the member import of the server. 1. download the
 * template and choose a file: it is uploaded at once and checked on the server, with a progress bar fed by polling
 * the import the client named up front (`?importId=`); 2. the preview: counts, the problems of the file and its
 * first rows with what the import will do to each; nothing is written until "Nhập vào hệ thống", which stays
 * disabled while any row has an error; 3. the result.
 */
import { DownloadOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Result, Row, Space, Statistic, Steps, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { v4 as uuidv4 } from 'uuid';
import { apiUrl, errorMessage } from '../api/client.ts';
import { useCommitImport, useImportProgress, usePreviewImport } from '../api/hooks.ts';
import type { ImportAction, ImportIssue, ImportItem, ImportView } from '../../contract/member-import.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { formatCount } from '../lib/labels.ts';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

const ACTION_NAMES: Record<ImportAction, string> = { new: 'Mới', update: 'Cập nhật', unchanged: 'Không đổi', error: 'Lỗi' };
const ACTION_COLORS: Record<ImportAction, string> = { new: 'green', update: 'blue', unchanged: 'default', error: 'red' };

/** Step 1 (and the upload in progress): the template, the file picker and the progress of the check. */
function ChooseFile({ onChosen, busy, progress }: { onChosen: (file: File) => void; busy: boolean; progress: ImportView | null | undefined }) {
  const rows = progress?.rows ?? null;
  const done = progress?.processedRows ?? 0;
  const percent = rows ? Math.min(99, Math.floor((done / Math.max(rows, 1)) * 100)) : 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="1. Tải tệp mẫu">
        <Space orientation="vertical" size={8}>
          <Typography.Text>
            Ghi danh sách vào trang «Danh sách» của tệp mẫu, mỗi dòng một đảng viên. Có thể dùng tệp Excel (.xlsx) hoặc CSV đã có sẵn: các tên cột thông dụng
            (Họ tên, Ngày tháng năm sinh, Số CMND/CCCD, Chi bộ sinh hoạt, …) đều được nhận.
          </Typography.Text>
          <Button icon={<DownloadOutlined />} href={apiUrl('/members/import/template')} download data-testid="import-template">
            Tải tệp mẫu
          </Button>
        </Space>
      </Card>
      <Card size="small" title="2. Chọn tệp để kiểm tra">
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            onChosen(file);
            return false;
          }}
          data-testid="import-file-input"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Bấm hoặc kéo tệp .xlsx / .csv vào đây</p>
          <p className="ant-upload-hint">Tệp chỉ được kiểm tra: chưa có gì được ghi vào hồ sơ cho đến khi bạn xác nhận.</p>
        </Upload.Dragger>
        {busy && (
          <div data-testid="import-progress" style={{ marginTop: 16 }}>
            <Progress percent={percent} status="active" />
            <Typography.Text type="secondary">
              {rows ? `Đã kiểm tra ${formatCount(done)} / ${formatCount(rows)} dòng…` : 'Đang tải tệp lên và đọc tệp…'}
            </Typography.Text>
          </div>
        )}
      </Card>
    </Space>
  );
}

function SummaryStats({ view }: { view: ImportView }) {
  const s = view.summary;
  const stat = (key: ImportAction, title: string, color?: string) => (
    <Col xs={12} md={6}>
      <Card size="small" data-testid={`import-summary-${key}`}>
        <Statistic title={title} value={s[key]} formatter={(v) => formatCount(Number(v))} styles={{ content: color ? { color } : undefined }} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={12} data-testid="import-summary">
      {stat('new', 'Đảng viên mới', s.new ? '#389e0d' : undefined)}
      {stat('update', 'Cập nhật', s.update ? '#0958d9' : undefined)}
      {stat('unchanged', 'Không đổi')}
      {stat('error', 'Dòng có lỗi', s.error ? '#cf1322' : undefined)}
    </Row>
  );
}

const ISSUE_COLUMNS: TableColumnsType<ImportIssue> = [
  { title: 'Dòng', dataIndex: 'row', width: 70 },
  { title: 'Cột / trường', key: 'column', width: 200, render: (_v, i) => i.column ?? i.field },
  { title: 'Nội dung lỗi', dataIndex: 'message' },
];

function formatChange(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const ITEM_COLUMNS: TableColumnsType<ImportItem> = [
  { title: 'Dòng', dataIndex: 'row', width: 70 },
  { title: 'Họ và tên', dataIndex: 'fullName', width: 220, render: (v: string | null) => v || '—' },
  {
    title: 'Xử lý',
    dataIndex: 'action',
    width: 110,
    render: (a: ImportAction) => <Tag color={ACTION_COLORS[a]}>{ACTION_NAMES[a]}</Tag>,
  },
  {
    title: 'Chi tiết',
    key: 'details',
    render: (_v, item) => {
      if (item.action === 'error') return <Typography.Text type="danger">{item.problems.join(' ')}</Typography.Text>;
      if (item.action === 'update') return item.changes.map((c) => `${c.label}: ${formatChange(c.from)} → ${formatChange(c.to)}`).join('; ');
      if (item.warnings.length) return <Typography.Text type="warning">{item.warnings.join(' ')}</Typography.Text>;
      return item.action === 'new' ? 'Thêm hồ sơ đảng viên mới' : '—';
    },
  },
];

/** Step 2: what the import will do, and why it cannot yet. */
function Review({ view, committing, onCommit, onAgain }: { view: ImportView; committing: boolean; onCommit: () => void; onAgain: () => void }) {
  const errors = view.summary.error;
  const nothing = errors === 0 && view.summary.new + view.summary.update === 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text>
        Tệp <strong>{view.fileName}</strong>: {formatCount(view.rows ?? view.processedRows)} dòng dữ liệu.
      </Typography.Text>
      <SummaryStats view={view} />
      {view.sameFile && (
        <Alert
          type="info"
          showIcon
          title={view.sameFile.committedAt ? 'Bạn đã nhập đúng tệp này trước đây.' : 'Bạn đã tải lên đúng tệp này trước đây nhưng chưa nhập vào hệ thống.'}
        />
      )}
      {view.problemsTotal > 0 && (
        <Card
          size="small"
          title={`Lỗi cần sửa (${formatCount(view.problemsTotal)})`}
          extra={view.problemsTotal > view.problems.length ? `Hiển thị ${formatCount(view.problems.length)} lỗi đầu tiên` : undefined}
        >
          <Table<ImportIssue>
            rowKey={(i) => `${i.row}-${i.field}-${i.message}`}
            size="small"
            columns={ISSUE_COLUMNS}
            dataSource={view.problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="import-problems"
          />
        </Card>
      )}
      {view.warningsTotal > 0 && (
        <Card size="small" title={`Lưu ý (${formatCount(view.warningsTotal)}): không ngăn việc nhập`}>
          <Table<ImportIssue>
            rowKey={(i) => `${i.row}-${i.field}-${i.message}`}
            size="small"
            columns={ISSUE_COLUMNS.map((c) => (c.key === undefined && 'dataIndex' in c && c.dataIndex === 'message' ? { ...c, title: 'Nội dung' } : c))}
            dataSource={view.warnings}
            pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="import-warnings"
          />
        </Card>
      )}
      <Card size="small" title={view.items.length < (view.rows ?? 0) ? `${formatCount(view.items.length)} dòng đầu tiên` : 'Các dòng của tệp'}>
        <Table<ImportItem>
          rowKey="row"
          size="small"
          columns={ITEM_COLUMNS}
          dataSource={view.items}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="import-rows"
        />
      </Card>
      {errors > 0 && <Alert type="error" showIcon title={`Còn ${formatCount(errors)} lỗi: sửa tệp rồi tải lên lại`} data-testid="import-blocked" />}
      {nothing && (
        <Alert
          type="info"
          showIcon
          title="Tệp không có gì mới: mọi đảng viên trong tệp đã có trong hệ thống với thông tin như trong tệp."
          data-testid="import-nothing"
        />
      )}
      <Space>
        <Button icon={<ReloadOutlined />} onClick={onAgain} disabled={committing} data-testid="import-again">
          Tải lên tệp khác
        </Button>
        <Button type="primary" icon={<UploadOutlined />} disabled={errors > 0 || nothing} loading={committing} onClick={onCommit} data-testid="import-commit">
          Nhập vào hệ thống
        </Button>
      </Space>
    </Space>
  );
}

export function MemberImportPage() {
  const me = useCurrentUser();
  const link = useAsOfLink();
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const [importId, setImportId] = useState<string | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  const [done, setDone] = useState<ImportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useImportProgress(importId, preview.isPending);

  if (!me.can.editMembers) {
    return <Result status="403" title="Không có quyền truy cập" subTitle="Bạn không có quyền nhập danh sách đảng viên." />;
  }

  const start = (file: File) => {
    const id = uuidv4();
    setImportId(id);
    setView(null);
    setError(null);
    preview.mutate(
      { file, importId: id },
      {
        onSuccess: (v) => setView(v),
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  const again = () => {
    preview.reset();
    commit.reset();
    setImportId(null);
    setView(null);
    setDone(null);
    setError(null);
  };

  const doCommit = () => {
    if (!view) return;
    setError(null);
    commit.mutate(view.importId, {
      onSuccess: (v) => setDone(v),
      onError: (e) => setError(errorMessage(e)),
    });
  };

  const step = done ? 2 : view ? 1 : 0;
  const result = done?.result;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="hn-title-row">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="import-title">
          Nhập danh sách đảng viên từ Excel
        </Typography.Title>
        <Link to={link('/members')}>Về danh sách đảng viên</Link>
      </div>
      <Steps current={step} items={[{ title: 'Tải mẫu' }, { title: 'Kiểm tra' }, { title: 'Hoàn tất' }]} />
      {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
      {step === 0 && <ChooseFile onChosen={start} busy={preview.isPending} progress={progress.data} />}
      {step === 1 && view && <Review view={view} committing={commit.isPending} onCommit={doCommit} onAgain={again} />}
      {step === 2 && done && (
        <Result
          status="success"
          title="Đã nhập danh sách vào hệ thống"
          subTitle={`Tệp ${done.fileName}: ${formatCount(result?.created ?? 0)} đảng viên mới, ${formatCount(result?.updated ?? 0)} cập nhật, ${formatCount(result?.unchanged ?? 0)} không đổi.`}
          data-testid="import-done"
          extra={[
            <Link key="list" to={link('/members')}>
              <Button type="primary">Về danh sách đảng viên</Button>
            </Link>,
            <Button key="again" onClick={again}>
              Nhập tệp khác
            </Button>,
          ]}
        />
      )}
    </Space>
  );
}
