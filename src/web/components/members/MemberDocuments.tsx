/**
 * "Hồ sơ, tài liệu": the member's dossier (domain.md §4 "Dossier"). One row per document (its title and type), in the
 * order of the catalogue of types, with its latest version, who certified it and when, who uploaded it and when, and
 * the file; the row opens onto every earlier version, each still downloadable. Nothing is deleted or overwritten: a document is
 * replaced by uploading its next version ("Tải phiên bản mới").
 */
import { CloudUploadOutlined, DownloadOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { DOCUMENT_TYPES } from '../../../domain/member-documents.ts';
import { documentFileUrl, useMemberDocuments } from '../../api/hooks.ts';
import type { DocumentVersion, MemberDocument } from '../../../contract/member-documents.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { QueryError } from '../QueryError.tsx';
import { DocumentUploadModal } from './DocumentUploadModal.tsx';
import { formatFileSize } from '../../../domain/numbers.ts';

const TYPE_ORDER = new Map<string, number>(DOCUMENT_TYPES.map((t, i) => [t.code, i]));

/** 1536 → "1,5 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  return formatFileSize(bytes);
}

function FileLink({ memberId, doc, version }: { memberId: string; doc: MemberDocument; version: DocumentVersion }) {
  if (!doc.canDownload) {
    return (
      <Tooltip title="Tài liệu thuộc nhóm thông tin cần bảo mật (gia đình, lịch sử chính trị, kỷ luật): bạn không có quyền xem.">
        <Typography.Text type="secondary">
          <LockOutlined /> {version.fileName}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Space size={4} wrap>
      <a href={documentFileUrl(memberId, version.id)} download={version.fileName} data-testid={`document-download-${version.id}`}>
        <DownloadOutlined /> {version.fileName}
      </a>
      <Typography.Text type="secondary">({formatSize(version.size)})</Typography.Text>
    </Space>
  );
}

function certified(v: DocumentVersion) {
  if (!v.certifiedBy && !v.certifiedOn) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {v.certifiedBy ?? ''}
      {v.certifiedOn && <div>{formatDate(v.certifiedOn)}</div>}
    </>
  );
}

function uploaded(v: DocumentVersion) {
  return (
    <>
      {v.uploadedBy?.name ?? '—'}
      <div>
        <Typography.Text type="secondary">{formatDateTime(v.uploadedAt)}</Typography.Text>
      </div>
    </>
  );
}

function VersionHistory({ memberId, doc }: { memberId: string; doc: MemberDocument }) {
  return (
    <Table<DocumentVersion>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={doc.versions}
      data-testid="document-versions"
      columns={[
        {
          title: 'Phiên bản',
          dataIndex: 'version',
          width: 130,
          render: (n: number, v) => (
            <Space size={4}>
              {n}
              {v.superseded ? <Tag>Đã thay thế</Tag> : <Tag color="green">Hiện hành</Tag>}
            </Space>
          ),
        },
        { title: 'Tệp', key: 'file', render: (_, v) => <FileLink memberId={memberId} doc={doc} version={v} /> },
        { title: 'Xác nhận', key: 'certified', width: 200, render: (_, v) => certified(v) },
        { title: 'Tải lên', key: 'uploaded', width: 190, render: (_, v) => uploaded(v) },
        { title: 'Ghi chú', dataIndex: 'note', render: (n: string | null) => n ?? '' },
      ]}
    />
  );
}

export function MemberDocuments({ memberId, memberName }: { memberId: string; memberName: string }) {
  const query = useMemberDocuments(memberId);
  const [modal, setModal] = useState<{ document: { docType: string; title: string; version: number } | null } | null>(null);
  if (query.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, canUpload, maxMb } = query.data;
  const rows = [...items].sort((a, b) => (TYPE_ORDER.get(a.docType) ?? 99) - (TYPE_ORDER.get(b.docType) ?? 99) || a.title.localeCompare(b.title, 'vi'));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="member-documents">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography.Text type="secondary">
          Mọi phiên bản của tài liệu đều được lưu giữ; tài liệu không bị xóa hay ghi đè. Muốn thay một tài liệu, hãy tải phiên bản mới.
        </Typography.Text>
        {canUpload && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ document: null })} data-testid="documents-upload">
            Tải lên tài liệu
          </Button>
        )}
      </div>
      {!canUpload && items.length === 0 && <Alert type="info" showIcon title="Hồ sơ chưa có tài liệu nào." />}
      <Table<MemberDocument>
        rowKey={(d) => d.latest.id}
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="documents-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có tài liệu nào trong hồ sơ" /> }}
        expandable={{
          expandedRowRender: (d) => <VersionHistory memberId={memberId} doc={d} />,
          rowExpandable: (d) => d.versions.length > 1,
        }}
        onRow={(d) => ({ 'data-testid': `document-row-${d.latest.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: 'Tài liệu',
            key: 'title',
            render: (_, d) => (
              <>
                <Typography.Text strong>{d.title}</Typography.Text>
                <div>
                  <Space size={4} wrap>
                    <Typography.Text type="secondary">{d.docTypeName}</Typography.Text>
                    {d.sensitive && (
                      <Tag icon={<LockOutlined />} color="orange">
                        Bảo mật
                      </Tag>
                    )}
                  </Space>
                </div>
              </>
            ),
          },
          {
            title: 'Phiên bản',
            key: 'version',
            width: 100,
            render: (_, d) => (
              <span data-testid="document-version">
                {d.latest.version}
                {d.versions.length > 1 && <Typography.Text type="secondary"> / {d.versions.length} bản</Typography.Text>}
              </span>
            ),
          },
          { title: 'Xác nhận', key: 'certified', width: 180, render: (_, d) => certified(d.latest) },
          { title: 'Tải lên', key: 'uploaded', width: 170, render: (_, d) => uploaded(d.latest) },
          { title: 'Tệp', key: 'file', width: 220, render: (_, d) => <FileLink memberId={memberId} doc={d} version={d.latest} /> },
          ...(canUpload
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, d: MemberDocument) => (
                    <Button
                      size="small"
                      icon={<CloudUploadOutlined />}
                      onClick={() => setModal({ document: { docType: d.docType, title: d.title, version: d.latest.version } })}
                      data-testid={`document-new-version-${d.latest.id}`}
                    >
                      Tải phiên bản mới
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canUpload && (
        <DocumentUploadModal
          memberId={memberId}
          memberName={memberName}
          maxMb={maxMb}
          document={modal?.document ?? null}
          open={modal !== null}
          onClose={() => setModal(null)}
        />
      )}
    </Space>
  );
}
