/**
 * A meeting's page (issue 16): what was planned and what was held, the warnings of the rules of its date, the
 * documents and when they were sent, the attendance (everyone present by default; the exceptions typed in a keyboard
 * list or read from a sheet), the quorum as the admissions vote shows its denominator, the minutes and the resolution,
 * its tasks and those carried from earlier meetings, and the Word files. Works on a 390 px wide phone.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, List, Select, Space, Tag, Typography, Upload, message } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ATTENDANCE_LABELS, MEETING_KIND_LABELS, MEETING_STATUS_LABELS, type AttendanceMark } from '../../domain/meetings.ts';
import { apiUrl, errorMessage } from '../api/client.ts';
import {
  useAddDocument,
  useAddTask,
  useMeeting,
  usePreviewAttendance,
  useRecordAttendance,
  useSendDocuments,
  useUploadMeetingFile,
  useUpdateMeeting,
  useUpdateTask,
  type AttendancePreview,
  type MeetingDetail,
} from '../api/meetings.ts';
import { DateInput } from '../components/DateInput.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, formatDateTime, fromIso, toIso, todayIso, validDate } from '../lib/dates.ts';
import { formatFileSize } from '../../domain/numbers.ts';
import type { Dayjs } from 'dayjs';

const onError = (e: unknown) => void message.error(errorMessage(e));

function HeldForm({ m }: { m: MeetingDetail }) {
  const update = useUpdateMeeting(m.id);
  return (
    <Form
      layout="vertical"
      initialValues={{ ...m, heldOn: fromIso(m.heldOn ?? m.plannedOn) }}
      onFinish={(v: Record<string, unknown>) =>
        update.mutate(
          {
            heldOn: toIso(v.heldOn as Dayjs),
            startTime: (v.startTime as string) || null,
            endTime: (v.endTime as string) || null,
            place: (v.place as string) ?? null,
            presidedBy: (v.presidedBy as string) ?? null,
            minutesBy: (v.minutesBy as string) ?? null,
            superiorRepName: (v.superiorRepName as string) ?? null,
            superiorInvited: !!v.superiorInvited,
            superiorPresent: !!v.superiorPresent,
          },
          { onSuccess: () => void message.success('Đã ghi buổi sinh hoạt.'), onError },
        )
      }
    >
      <Space wrap align="start">
        <Form.Item name="heldOn" label="Ngày họp" rules={[{ required: true, message: 'Vui lòng chọn ngày.' }, validDate]}>
          <DateInput testId="meeting-held-on" />
        </Form.Item>
        <Form.Item name="startTime" label="Bắt đầu (HH:MM)">
          <Input data-testid="meeting-start" placeholder="08:00" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="endTime" label="Kết thúc (HH:MM)">
          <Input data-testid="meeting-end" placeholder="09:30" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm">
          <Input />
        </Form.Item>
        <Form.Item name="presidedBy" label="Chủ trì">
          <Input data-testid="meeting-presided" />
        </Form.Item>
        <Form.Item name="minutesBy" label="Thư ký">
          <Input />
        </Form.Item>
        <Form.Item name="superiorRepName" label="Cấp ủy viên cấp trên phụ trách">
          <Input data-testid="meeting-superior" />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="superiorInvited" valuePropName="checked">
          <Checkbox data-testid="meeting-superior-invited">Đã mời dự</Checkbox>
        </Form.Item>
        <Form.Item name="superiorPresent" valuePropName="checked">
          <Checkbox>Có mặt</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="meeting-save-held">
          Ghi đã họp
        </Button>
      </Space>
    </Form>
  );
}

const DOCUMENT_ROLES = { material: 'Tài liệu', minutes: 'Biên bản', resolution: 'Nghị quyết' } as const;
type DocumentRole = keyof typeof DOCUMENT_ROLES;
const FILE_TYPES = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.xlsx';

/** A button that picks one file and hands it over (nothing is uploaded by Ant Design itself). */
function PickFile({ label, onFile, testId, loading }: { label: string; onFile: (file: File) => void; testId: string; loading?: boolean }) {
  return (
    <Upload
      accept={FILE_TYPES}
      showUploadList={false}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
    >
      <Button data-testid={testId} loading={loading}>
        {label}
      </Button>
    </Upload>
  );
}

function Documents({ m }: { m: MeetingDetail }) {
  const add = useAddDocument(m.id);
  const send = useSendDocuments(m.id);
  const upload = useUploadMeetingFile(m.id);
  const [title, setTitle] = useState('');
  const [role, setRole] = useState<DocumentRole>('minutes');
  return (
    <Card size="small" title="Tài liệu, biên bản, nghị quyết">
      <List
        size="small"
        dataSource={m.documents}
        locale={{ emptyText: 'Chưa có tài liệu' }}
        renderItem={(d) => (
          <List.Item data-testid="meeting-document">
            <Space wrap>
              <Tag>{DOCUMENT_ROLES[d.role]}</Tag>
              {d.fileName ? (
                <a href={apiUrl(`/meetings/${m.id}/documents/${d.id}/file`)} data-testid="meeting-document-file">
                  {d.title}
                </a>
              ) : (
                d.title
              )}
              {d.size !== null && <Typography.Text type="secondary">{formatFileSize(d.size)}</Typography.Text>}
              {d.role === 'material' && (d.sentAt ? `đã gửi ${formatDateTime(d.sentAt)}` : <Tag color="orange">chưa gửi</Tag>)}
              {m.canEdit && !d.fileName && (
                <PickFile
                  label="Đính kèm tệp"
                  testId="document-attach"
                  loading={upload.isPending}
                  onFile={(file) => upload.mutate({ file, documentId: d.id }, { onError })}
                />
              )}
            </Space>
          </List.Item>
        )}
      />
      {m.canEdit && (
        <Space wrap style={{ marginTop: 8 }}>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Tên tài liệu" data-testid="document-title" style={{ width: 240 }} />
          <Button onClick={() => add.mutate({ title }, { onSuccess: () => setTitle(''), onError })} disabled={!title.trim()} data-testid="document-add">
            Thêm
          </Button>
          <Button
            type="primary"
            onClick={() => send.mutate(undefined, { onError })}
            disabled={!m.documents.some((d) => d.role === 'material' && !d.sentAt)}
            data-testid="documents-send"
          >
            Gửi cho đảng viên
          </Button>
        </Space>
      )}
      {m.canEdit && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select<DocumentRole>
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            data-testid="file-role"
            options={Object.entries(DOCUMENT_ROLES).map(([value, label]) => ({ value: value as DocumentRole, label }))}
          />
          <PickFile
            label="Tải tệp lên"
            testId="file-upload"
            loading={upload.isPending}
            onFile={(file) => upload.mutate({ file, role }, { onSuccess: () => void message.success(`Đã tải lên «${file.name}».`), onError })}
          />
          <Typography.Text type="secondary">PDF, ảnh, Word (.docx), Excel (.xlsx)</Typography.Text>
        </Space>
      )}
    </Card>
  );
}

type Exception = { attendance: AttendanceMark; reason: string | null };

function QuorumLine({ m }: { m: MeetingDetail }) {
  const q = m.quorum;
  return (
    <Alert
      type={q.quorate ? 'success' : 'warning'}
      data-testid="meeting-quorum"
      message={`Tổng số ${q.roll}; có mặt ${q.present}, vắng có lý do ${q.excused}, vắng không lý do ${q.absent}. Đảng viên chính thức được tính (mẫu số) ${q.denominator}; có mặt ${q.presentCounted} — ${q.quorate ? 'đủ' : 'chưa đủ'} trên một nửa (cần ít nhất ${q.majorityNeeds}).`}
    />
  );
}

function ImportSheet({ m, onApply }: { m: MeetingDetail; onApply: (p: AttendancePreview) => void }) {
  const preview = usePreviewAttendance(m.id);
  const p = preview.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          preview.mutate(file, { onError });
          return false;
        }}
      >
        <Button data-testid="attendance-import">Nhập bảng điểm danh (xlsx)</Button>
      </Upload>
      {p && (
        <Card size="small" data-testid="attendance-preview">
          <Typography.Text>
            {p.rows.length} dòng, {p.errorCount} dòng lỗi, {p.missing.length} đảng viên không có trong bảng (giữ mặc định).
          </Typography.Text>
          <List
            size="small"
            dataSource={p.rows.filter((r) => r.errors.length > 0)}
            renderItem={(r) => (
              <List.Item>
                Dòng {r.row}: {r.name} — {r.errors.join(' ')}
              </List.Item>
            )}
          />
          <Button onClick={() => onApply(p)} data-testid="attendance-import-apply">
            Áp dụng {p.exceptions.length} dòng hợp lệ
          </Button>
        </Card>
      )}
    </Space>
  );
}

function Attendance({ m }: { m: MeetingDetail }) {
  const record = useRecordAttendance(m.id);
  const initial = useMemo(
    () =>
      new Map<string, Exception>(
        m.attendance.filter((a) => a.attendance !== 'present').map((a) => [a.memberId, { attendance: a.attendance, reason: a.reason }]),
      ),
    [m.attendance],
  );
  const [exceptions, setExceptions] = useState(initial);
  const [pick, setPick] = useState<string | undefined>();
  const [mark, setMark] = useState<AttendanceMark>('absent');
  const [reason, setReason] = useState('');
  const names = new Map(m.attendance.map((a) => [a.memberId, a.name]));
  const addPick = () => {
    if (!pick) return;
    setExceptions(new Map(exceptions).set(pick, { attendance: mark, reason: reason.trim() || null }));
    setPick(undefined);
    setReason('');
  };
  return (
    <Card size="small" title="Điểm danh">
      <Space direction="vertical" style={{ width: '100%' }}>
        <QuorumLine m={m} />
        {m.status !== 'held' ? (
          <Typography.Text type="secondary">Ghi ngày họp trước khi điểm danh. Danh sách chi bộ vào ngày họp: {m.attendance.length} đảng viên.</Typography.Text>
        ) : m.canEdit ? (
          <>
            <Typography.Text>Mọi người có mặt, trừ những người ghi dưới đây.</Typography.Text>
            <Space wrap>
              <Select
                showSearch
                optionFilterProp="label"
                value={pick}
                onChange={setPick}
                placeholder="Gõ tên đảng viên"
                style={{ width: 240 }}
                data-testid="attendance-member"
                options={m.attendance.map((a) => ({ value: a.memberId, label: a.name }))}
              />
              <Select<AttendanceMark>
                value={mark}
                onChange={setMark}
                style={{ width: 170 }}
                data-testid="attendance-mark"
                options={(['excused', 'absent', 'present'] as const).map((k) => ({ value: k, label: ATTENDANCE_LABELS[k] }))}
              />
              <Input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                onPressEnter={addPick}
                placeholder="Lý do"
                data-testid="attendance-reason"
                style={{ width: 200 }}
              />
              <Button onClick={addPick} disabled={!pick} data-testid="attendance-add">
                Ghi
              </Button>
            </Space>
            <List
              size="small"
              dataSource={[...exceptions.entries()]}
              locale={{ emptyText: 'Không ai vắng' }}
              renderItem={([id, e]) => (
                <List.Item
                  data-testid="attendance-exception"
                  actions={[
                    <Button key="x" size="small" type="link" onClick={() => setExceptions(new Map([...exceptions].filter(([k]) => k !== id)))}>
                      Bỏ
                    </Button>,
                  ]}
                >
                  {names.get(id)} — {ATTENDANCE_LABELS[e.attendance]}
                  {e.reason ? `: ${e.reason}` : ''}
                </List.Item>
              )}
            />
            <ImportSheet
              m={m}
              onApply={(p) =>
                setExceptions(new Map([...exceptions, ...p.exceptions.map((e) => [e.memberId, { attendance: e.attendance, reason: e.reason }] as const)]))
              }
            />
            <Button
              type="primary"
              loading={record.isPending}
              data-testid="attendance-save"
              onClick={() =>
                record.mutate(
                  { exceptions: [...exceptions].map(([memberId, e]) => ({ memberId, attendance: e.attendance, reason: e.reason })) },
                  { onSuccess: () => void message.success('Đã lưu điểm danh.'), onError },
                )
              }
            >
              Lưu điểm danh
            </Button>
          </>
        ) : null}
      </Space>
    </Card>
  );
}

function Resolution({ m }: { m: MeetingDetail }) {
  const update = useUpdateMeeting(m.id);
  return (
    <Card size="small" title="Biên bản và nghị quyết">
      <Form
        layout="vertical"
        initialValues={{ ...m, resolutionOn: fromIso(m.resolutionOn) }}
        disabled={!m.canEdit}
        onFinish={(v: Record<string, unknown>) =>
          update.mutate(
            {
              minutesText: (v.minutesText as string) ?? null,
              resolutionNo: (v.resolutionNo as string) ?? null,
              resolutionOn: v.resolutionOn ? toIso(v.resolutionOn as Dayjs) : null,
              resolutionText: (v.resolutionText as string) ?? null,
            },
            { onSuccess: () => void message.success('Đã lưu.'), onError },
          )
        }
      >
        <Form.Item name="minutesText" label="Nội dung biên bản">
          <Input.TextArea rows={4} data-testid="meeting-minutes" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="resolutionNo" label="Số nghị quyết">
            <Input data-testid="resolution-no" />
          </Form.Item>
          <Form.Item name="resolutionOn" label="Ngày nghị quyết" rules={[validDate]}>
            <DateInput testId="resolution-on" />
          </Form.Item>
        </Space>
        <Form.Item name="resolutionText" label="Nội dung nghị quyết">
          <Input.TextArea rows={4} data-testid="resolution-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="resolution-save">
          Lưu biên bản, nghị quyết
        </Button>
      </Form>
    </Card>
  );
}

function Tasks({ m }: { m: MeetingDetail }) {
  const add = useAddTask(m.id);
  const update = useUpdateTask();
  const [content, setContent] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<Dayjs | null>(null);
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  return (
    <Card size="small" title="Nhiệm vụ">
      {m.carriedTasks.length > 0 && (
        <>
          <Typography.Text strong>Kỳ trước chuyển sang</Typography.Text>
          <List
            size="small"
            dataSource={m.carriedTasks}
            renderItem={(t) => (
              <List.Item data-testid="carried-task">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <span>
                    {t.content} ({formatDate(t.meetingDate)}
                    {t.dueOn ? `, hạn ${formatDate(t.dueOn)}` : ''}){t.outcome ? ` — ${t.outcome}` : ''}
                  </span>
                  {m.canEdit && !t.doneOn && (
                    <Space wrap>
                      <Input value={outcome[t.id] ?? ''} onChange={(e) => setOutcome({ ...outcome, [t.id]: e.target.value })} placeholder="Kết quả" />
                      <Button
                        size="small"
                        onClick={() => update.mutate({ id: t.id, outcome: outcome[t.id] || null, doneOn: todayIso(), reviewedMeetingId: m.id }, { onError })}
                      >
                        Hoàn thành
                      </Button>
                    </Space>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      <List
        size="small"
        dataSource={m.tasks}
        locale={{ emptyText: 'Chưa có nhiệm vụ' }}
        renderItem={(t) => (
          <List.Item data-testid="meeting-task">
            {t.seq}. {t.content}
            {t.ownerName ? ` — ${t.ownerName}` : ''}
            {t.dueOn ? `, hạn ${formatDate(t.dueOn)}` : ''}
          </List.Item>
        )}
      />
      {m.canEdit && (
        <Space wrap style={{ marginTop: 8 }}>
          <Input value={content} onChange={(e) => setContent(e.target.value)} placeholder="Nhiệm vụ" data-testid="task-content" style={{ width: 260 }} />
          <Input value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="Người phụ trách" data-testid="task-owner" style={{ width: 180 }} />
          <DateInput testId="task-due" value={due} onChange={setDue} style={{ width: 150 }} />
          <Button
            disabled={!content.trim()}
            data-testid="task-add"
            onClick={() =>
              add.mutate(
                { content, ownerName: owner || null, dueOn: due && due.isValid() ? toIso(due) : null },
                {
                  onSuccess: () => {
                    setContent('');
                    setOwner('');
                    setDue(null);
                  },
                  onError,
                },
              )
            }
          >
            Thêm nhiệm vụ
          </Button>
        </Space>
      )}
    </Card>
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const q = useMeeting(id);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  if (!m) return <Card loading />;
  const docx = (kind: string) => apiUrl(`/meetings/${m.id}/document.docx`, { kind });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="meeting-page">
      <Card title={`${MEETING_KIND_LABELS[m.kind]} · ${formatDate(m.heldOn ?? m.plannedOn)}`} extra={<Link to={`/meetings?org=${m.orgId}`}>{m.orgName}</Link>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="Trạng thái">
            <span data-testid="meeting-status">{MEETING_STATUS_LABELS[m.status]}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Ngày dự kiến">{formatDate(m.plannedOn)}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">{m.startTime && m.endTime ? `${m.startTime} – ${m.endTime}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="Nội dung">{m.topic ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Quy định áp dụng">
            {m.rules.minMinutes > 0 ? `Tối thiểu ${m.rules.minMinutes} phút (kết hợp ${m.rules.minMinutesCombined})` : 'Không quy định thời lượng'}
          </Descriptions.Item>
        </Descriptions>
        {m.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="meeting-warnings"
            message={
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {m.warnings.map((w) => (
                  <li key={w.code}>{w.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space wrap style={{ marginTop: 8 }}>
          <a href={docx('minutes')} data-testid="docx-minutes">
            Biên bản (Word)
          </a>
          <a href={docx('resolution')} data-testid="docx-resolution">
            Nghị quyết (Word)
          </a>
          <a href={docx('attendance-sheet')} data-testid="docx-attendance">
            Danh sách điểm danh (Word)
          </a>
        </Space>
      </Card>
      {m.canEdit && (
        <Card size="small" title="Ghi kết quả buổi sinh hoạt">
          <HeldForm m={m} />
        </Card>
      )}
      <Documents m={m} />
      <Attendance key={`${m.id}-${m.attendanceRecorded}-${m.status}`} m={m} />
      <Resolution m={m} />
      <Tasks m={m} />
    </Space>
  );
}
