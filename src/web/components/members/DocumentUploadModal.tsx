/**
 * "Tải lên tài liệu" and "Tải phiên bản mới": one file of the member's dossier with its type, title, who certified it
 * and when (domain.md §4 "Dossier"). A file of the same type and title as an existing document becomes its next
 * version; the earlier versions stay. The server decides the format by the file's content and refuses what it does not
 * accept; the size limit is checked here first so a large scan is not sent for nothing.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Row, Select, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { DOCUMENT_TYPES, type DocumentTypeCode } from '../../../domain/member-documents.ts';
import { useUploadDocument } from '../../api/hooks.ts';
import { todayIso, toIso, validDate } from '../../lib/dates.ts';
import { optionalText } from '../../lib/forms.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';

interface Values {
  docType: string;
  title: string;
  certifiedBy?: string;
  certifiedOn?: Dayjs | null;
  note?: string;
  file: UploadFile[];
}

/** Formats the server accepts (by content; the list only helps the file picker). */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.xlsx';

export interface DocumentUploadModalProps {
  memberId: string;
  memberName: string;
  maxMb: number;
  /** Set for "Tải phiên bản mới": the document the file is the next version of. */
  document: { docType: string; title: string; version: number } | null;
  open: boolean;
  onClose: () => void;
}

export function DocumentUploadModal({ memberId, memberName, maxMb, document, open, onClose }: DocumentUploadModalProps) {
  const upload = useUploadDocument(memberId);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    const file = values.file[0]?.originFileObj;
    if (!file) throw new Error('no file');
    const saved = await upload.mutateAsync({
      file,
      // The select offers the domain's document types only.
      docType: values.docType as DocumentTypeCode,
      title: values.title,
      certifiedBy: optionalText(values.certifiedBy),
      certifiedOn: values.certifiedOn ? toIso(values.certifiedOn) : undefined,
      note: optionalText(values.note),
    });
    message.success(`Đã lưu «${saved.title}», phiên bản ${saved.latest.version}, vào hồ sơ của ${memberName}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={document ? `Tải phiên bản mới · ${document.title}` : `Tải lên tài liệu · ${memberName}`}
      submitText="Lưu vào hồ sơ"
      width={640}
      onCancel={onClose}
      onSubmit={submit}
      testId="form-member-document"
      initialValues={document ? { docType: document.docType, title: document.title, file: [] } : { file: [] }}
      intro={
        document
          ? `Tệp mới sẽ là phiên bản ${document.version + 1}; phiên bản ${document.version} và các phiên bản trước vẫn được giữ nguyên.`
          : `Nhận PDF, ảnh JPEG, PNG, TIFF, Word (.docx), Excel (.xlsx), tối đa ${maxMb} MB. Tài liệu cùng loại và cùng tên với tài liệu đã có sẽ thành phiên bản mới của tài liệu đó.`
      }
    >
      <UploadFields maxMb={maxMb} fixed={document !== null} />
    </FormModal>
  );
}

function UploadFields({ maxMb, fixed }: { maxMb: number; fixed: boolean }) {
  const form = Form.useFormInstance<Values>();
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="docType" label="Loại tài liệu" rules={[{ required: true, message: 'Vui lòng chọn loại tài liệu.' }]}>
          <Select
            placeholder="Chọn"
            disabled={fixed}
            data-testid="document-type"
            options={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: t.name }))}
            onChange={(code: string) => {
              // A title to start from, when none was typed yet.
              if (!form.getFieldValue('title')) form.setFieldValue('title', DOCUMENT_TYPES.find((t) => t.code === code)?.name.replace(/\s*\(.*\)$/, ''));
            }}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="title" label="Tên tài liệu" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên tài liệu.' }]}>
          <Input maxLength={255} disabled={fixed} placeholder="vd. Phiếu bổ sung hồ sơ năm 2025" data-testid="document-title" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="certifiedBy" label="Cơ quan, người xác nhận">
          <Input maxLength={255} placeholder="vd. Đảng ủy xã Tân Lập" data-testid="document-certified-by" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="certifiedOn"
          label="Ngày xác nhận"
          rules={[
            validDate,
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && toIso(value) > todayIso() ? Promise.reject(new Error('Ngày xác nhận không được sau ngày hôm nay.')) : Promise.resolve(),
            },
          ]}
        >
          <DateInput testId="document-certified-on" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="document-note" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="file"
          label="Tệp"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={[
            {
              validator: (_, list: UploadFile[] | undefined) => {
                const f = list?.[0];
                if (!f) return Promise.reject(new Error('Vui lòng chọn tệp.'));
                if ((f.size ?? 0) === 0) return Promise.reject(new Error('Tệp rỗng (0 byte): hãy chọn lại tệp.'));
                if ((f.size ?? 0) > maxMb * 1024 * 1024) return Promise.reject(new Error(`Tệp quá lớn: tối đa ${maxMb} MB.`));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Upload accept={ACCEPT} maxCount={1} beforeUpload={() => false} data-testid="document-file">
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
      </Col>
    </Row>
  );
}
