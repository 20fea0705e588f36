/** Paste a list of operations as JSON (the API's Op objects, or a whole ReorgInput). All or nothing. */
import { Alert, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { parseImport, type ParsedImport } from '../../lib/reorg.ts';

export type ImportMode = 'replace' | 'append';

const EXAMPLE = `[
  { "type": "create", "ref": "new-1", "parent": "<mã cấp trên>", "name": "Đảng bộ xã Tân Lập", "kindCode": "dang_bo_cap_tren_co_so" },
  { "type": "move", "org": "<mã tổ chức>", "newParent": "new-1" },
  { "type": "merge", "sources": ["<mã>", "<mã>"], "target": "new-1" },
  { "type": "dissolve", "org": "<mã tổ chức>" }
]`;

export function ImportJsonModal({
  open,
  onClose,
  onImport,
}: {
  open: boolean;
  onClose: () => void;
  onImport: (parsed: ParsedImport, mode: ImportMode) => void;
}) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ImportMode>('replace');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = () => {
    const parsed = parseImport(text);
    if (parsed.errors.length > 0 || parsed.rows.length === 0) {
      setErrors(parsed.errors.length > 0 ? parsed.errors : ['Không có thao tác nào để nhập.']);
      return;
    }
    setErrors([]);
    setText('');
    onImport(parsed, mode);
  };

  return (
    <Modal
      open={open}
      title="Nhập danh sách thao tác từ JSON"
      onCancel={onClose}
      width={720}
      footer={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" onClick={submit} disabled={!text.trim()} data-testid="modal-submit">
            Nhập
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Dán một danh sách thao tác theo định dạng của API (mã tổ chức là mã định danh trong hệ thống), hoặc cả đối tượng gồm số quyết định, ngày và
        "operations". Ví dụ:
      </Typography.Paragraph>
      <pre className="hn-pre" style={{ maxHeight: 140 }}>
        {EXAMPLE}
      </pre>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={10}
        placeholder="Dán JSON vào đây"
        style={{ marginTop: 12, fontFamily: 'monospace' }}
        data-testid="reorg-import-text"
      />
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} style={{ marginTop: 12 }}>
        <Radio value="replace">Thay thế danh sách hiện có</Radio>
        <Radio value="append">Thêm vào cuối danh sách</Radio>
      </Radio.Group>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title="Chưa nhập được danh sách"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {errors.slice(0, 20).map((e) => (
                <li key={e}>{e}</li>
              ))}
              {errors.length > 20 && <li>… và {errors.length - 20} lỗi khác.</li>}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
