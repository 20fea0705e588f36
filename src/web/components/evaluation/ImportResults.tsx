/**
 * Results collected on paper, imported from a spreadsheet: choose the file, read the preview (every row matched to a
 * member of the period, or the reason it is not), then write it all or nothing.
 */
import { App, Button, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, uploadFile } from '../../api/client.ts';

interface PreviewRow {
  row: number;
  fullName: string;
  memberId: string | null;
  entry: Record<string, string> | null;
  errors: string[];
}

export function ImportResults({ periodId }: { periodId: string }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ total: number; errors: number; rows: PreviewRow[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (f: File) => {
    setFile(f);
    setBusy(true);
    try {
      setPreview(await uploadFile(`/evaluation/periods/${periodId}/import/preview`, f, f.name));
    } catch (e) {
      setPreview(null);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await uploadFile<{ imported: number }>(`/evaluation/periods/${periodId}/import/commit`, file, file.name);
      message.success(`Đã nhập kết quả của ${r.imported} đảng viên.`);
      setPreview(null);
      setFile(null);
      await qc.invalidateQueries({ queryKey: ['evaluation'] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        Tệp Excel hoặc CSV có dòng tiêu đề: «Họ và tên», «Năm sinh» hoặc «Ngày sinh» (hoặc «Số CCCD»), và các cột «Tự xếp loại», «Chi bộ đề xuất», «Đảng ủy cơ
        sở đề xuất», «Quyết định» ghi mức xếp loại (ví dụ «Hoàn thành tốt nhiệm vụ» hoặc «HTTNV»).
      </Typography.Text>
      <Space>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(f) => {
            void run(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="evaluation-import-file">
            Chọn tệp
          </Button>
        </Upload>
        {preview && (
          <Button type="primary" disabled={preview.errors > 0} loading={busy} onClick={() => void commit()} data-testid="evaluation-import-commit">
            Ghi {preview.total} dòng vào kỳ đánh giá
          </Button>
        )}
        {preview && preview.errors > 0 && <Typography.Text type="danger">{preview.errors} dòng có lỗi: sửa tệp rồi chọn lại.</Typography.Text>}
      </Space>
      {preview && (
        <Table<PreviewRow>
          rowKey="row"
          size="small"
          dataSource={preview.rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 70 },
            { title: 'Họ và tên', dataIndex: 'fullName' },
            {
              title: 'Kết quả',
              key: 'result',
              render: (_v, r) => (r.errors.length ? <Typography.Text type="danger">{r.errors.join(' ')}</Typography.Text> : <Tag color="green">Hợp lệ</Tag>),
            },
          ]}
        />
      )}
    </Space>
  );
}
