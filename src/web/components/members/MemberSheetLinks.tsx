/**
 * "Tải phiếu đảng viên (Word)" and "(PDF)": plain downloads of the member sheet (form 2-HSĐV) the server builds. The
 * server decides what the sheet holds for this reader (sensitive groups only for those allowed) and records the export.
 */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { apiUrl } from '../../api/client.ts';

export function MemberSheetLinks({ memberId }: { memberId: string }) {
  return (
    <Space size={8} wrap>
      <Button icon={<FileWordOutlined />} href={apiUrl(`/members/${memberId}/sheet.docx`)} download data-testid="member-sheet-docx">
        Tải phiếu đảng viên (Word)
      </Button>
      <Button icon={<FilePdfOutlined />} href={apiUrl(`/members/${memberId}/sheet.pdf`)} download data-testid="member-sheet-pdf">
        Tải phiếu đảng viên (PDF)
      </Button>
    </Space>
  );
}
