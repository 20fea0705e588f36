/**
 * The forms of «Văn bản, nhiệm vụ»: recording a directive, giving a task (to chosen units or every unit of a kind,
 * with a date, N working days or a recurring report), adding a programme's topic.
 */
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { DIRECTIVE_KINDS, DIRECTIVE_KIND_LABELS, RECURRENCES, RECURRENCE_LABELS, TOPIC_KINDS, TOPIC_KIND_LABELS } from '../../../domain/directives.ts';
import { useAddTask, useAddTopic, useCreateDirective, useDirectives, type CreateTaskBody, type Directive } from '../../api/directives.ts';
import { toIso, validDate } from '../../lib/dates.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';

const required = (message: string) => [{ required: true, message }];
const kindOptions = DIRECTIVE_KINDS.map((k) => ({ value: k, label: DIRECTIVE_KIND_LABELS[k] }));

interface DirectiveValues {
  ownerOrgId: string;
  kind: (typeof DIRECTIVE_KINDS)[number];
  symbol?: string;
  issuedOn: Dayjs;
  issuerName?: string;
  title: string;
  summary?: string;
  implementsId?: string;
  fromYear?: number;
  toYear?: number;
}

export function DirectiveModal(props: { open: boolean; onClose: (id?: string) => void; defaultKind?: DirectiveValues['kind'] }) {
  const create = useCreateDirective();
  const others = useDirectives({ page: 1 });
  return (
    <FormModal<DirectiveValues>
      open={props.open}
      title="Ghi nhận văn bản"
      submitText="Lưu"
      width={640}
      testId="directive-form"
      initialValues={{ kind: props.defaultKind ?? 'ke_hoach' }}
      onCancel={() => props.onClose()}
      onSubmit={async (v) => {
        const d = await create.mutateAsync({
          ownerOrgId: v.ownerOrgId,
          kind: v.kind,
          symbol: v.symbol ?? null,
          issuedOn: toIso(v.issuedOn),
          issuerName: v.issuerName ?? null,
          title: v.title,
          summary: v.summary ?? null,
          implementsId: v.implementsId ?? null,
          fromYear: v.fromYear ?? null,
          toYear: v.toYear ?? null,
        });
        props.onClose(d.id);
      }}
    >
      <Form.Item name="ownerOrgId" label="Đơn vị theo dõi" rules={required('Vui lòng chọn đơn vị.')}>
        <OrgSelect data-testid="directive-owner" />
      </Form.Item>
      <Form.Item name="kind" label="Loại văn bản" rules={required('Vui lòng chọn loại văn bản.')}>
        <Select options={kindOptions} data-testid="directive-kind" />
      </Form.Item>
      <Form.Item name="symbol" label="Số, ký hiệu" extra="Ví dụ 155-KH/TU, 35-CT/TW">
        <Input data-testid="directive-symbol" maxLength={50} />
      </Form.Item>
      <Form.Item name="issuedOn" label="Ngày ban hành" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
        <DateInput testId="directive-date" />
      </Form.Item>
      <Form.Item name="issuerName" label="Cơ quan ban hành" extra="Để trống khi ký hiệu cho biết (TU: Tỉnh ủy); ghi rõ với cơ quan bên ngoài (Bộ Chính trị)">
        <Input data-testid="directive-issuer" maxLength={255} />
      </Form.Item>
      <Form.Item name="title" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập trích yếu.' }]}>
        <Input.TextArea data-testid="directive-title" autoSize maxLength={1000} />
      </Form.Item>
      <Form.Item name="implementsId" label="Triển khai văn bản">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="directive-implements"
          options={(others.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.kindLabel} ${d.symbol ?? ''} — ${d.title}` }))}
        />
      </Form.Item>
      <Form.Item label="Giai đoạn (chương trình)">
        <Form.Item name="fromYear" noStyle>
          <InputNumber min={1930} max={2035} placeholder="Từ năm" data-testid="directive-from" />
        </Form.Item>{' '}
        <Form.Item name="toYear" noStyle>
          <InputNumber min={1930} max={2035} placeholder="Đến năm" data-testid="directive-to" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="summary" label="Nội dung chính">
        <Input.TextArea autoSize maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

interface TaskValues {
  title: string;
  content?: string;
  orgIds?: string[];
  deadlineType: 'date' | 'working_days' | 'recurring' | 'none';
  dueOn?: Dayjs;
  workingDays?: number;
  recurrence?: (typeof RECURRENCES)[number];
  fromDate?: Dayjs;
  untilDate?: Dayjs;
}

function deadlineOf(v: TaskValues): CreateTaskBody['deadline'] {
  if (v.deadlineType === 'date' && v.dueOn) return { type: 'date', dueOn: toIso(v.dueOn) };
  if (v.deadlineType === 'working_days') return { type: 'working_days', workingDays: v.workingDays ?? 1 };
  if (v.deadlineType === 'recurring' && v.fromDate && v.untilDate)
    return { type: 'recurring', recurrence: v.recurrence ?? 'quarterly', fromDate: toIso(v.fromDate), untilDate: toIso(v.untilDate) };
  return { type: 'none' };
}

export function TaskModal(props: { directive: Directive; open: boolean; onClose: () => void }) {
  const add = useAddTask(props.directive.id);
  return (
    <FormModal<TaskValues>
      open={props.open}
      title="Giao nhiệm vụ"
      submitText="Giao"
      width={640}
      testId="task-form"
      initialValues={{ deadlineType: 'date' }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await add.mutateAsync({ title: v.title, content: v.content ?? null, assignees: { orgIds: v.orgIds ?? [] }, deadline: deadlineOf(v) });
        props.onClose();
      }}
    >
      <Form.Item name="title" label="Nhiệm vụ" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nhiệm vụ.' }]}>
        <Input.TextArea data-testid="task-title" autoSize maxLength={1000} />
      </Form.Item>
      <Form.Item name="orgIds" label="Đơn vị thực hiện" rules={required('Chọn ít nhất một đơn vị.')}>
        <OrgSelect multiple data-testid="task-orgs" />
      </Form.Item>
      <Form.Item name="deadlineType" label="Thời hạn">
        <Radio.Group
          data-testid="task-deadline-type"
          options={[
            { value: 'date', label: 'Ngày cụ thể' },
            { value: 'working_days', label: 'Số ngày làm việc' },
            { value: 'recurring', label: 'Báo cáo định kỳ' },
            { value: 'none', label: 'Không thời hạn' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.deadlineType !== b.deadlineType}>
        {({ getFieldValue }) => {
          const type = getFieldValue('deadlineType') as TaskValues['deadlineType'];
          if (type === 'date')
            return (
              <Form.Item name="dueOn" label="Hạn" rules={[validDate, ...required('Vui lòng nhập hạn.')]}>
                <DateInput testId="task-due" />
              </Form.Item>
            );
          if (type === 'working_days')
            return (
              <Form.Item name="workingDays" label="Số ngày làm việc kể từ ngày ban hành" rules={required('Vui lòng nhập số ngày.')}>
                <InputNumber min={1} max={365} data-testid="task-working-days" />
              </Form.Item>
            );
          if (type === 'recurring')
            return (
              <>
                <Form.Item name="recurrence" label="Kỳ báo cáo" rules={required('Vui lòng chọn kỳ.')}>
                  <Select options={RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }))} />
                </Form.Item>
                <Form.Item name="fromDate" label="Từ ngày" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
                  <DateInput testId="task-from" />
                </Form.Item>
                <Form.Item name="untilDate" label="Đến ngày" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
                  <DateInput testId="task-until" />
                </Form.Item>
              </>
            );
          return null;
        }}
      </Form.Item>
      <Form.Item name="content" label="Nội dung">
        <Input.TextArea autoSize maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

interface TopicValues {
  topicKind: (typeof TOPIC_KINDS)[number];
  title: string;
  leadOrgId: string;
  participantOrgIds?: string[];
  dueOn?: Dayjs;
}

export function TopicModal(props: { directive: Directive; open: boolean; onClose: () => void }) {
  const add = useAddTopic(props.directive.id);
  return (
    <FormModal<TopicValues>
      open={props.open}
      title="Thêm chuyên đề, đề tài, đề án"
      submitText="Thêm"
      testId="topic-form"
      initialValues={{ topicKind: 'chuyen_de' }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await add.mutateAsync({
          topicKind: v.topicKind,
          title: v.title,
          leadOrgId: v.leadOrgId,
          participantOrgIds: v.participantOrgIds ?? [],
          dueOn: v.dueOn ? toIso(v.dueOn) : null,
        });
        props.onClose();
      }}
    >
      <Form.Item name="topicKind" label="Loại">
        <Select options={TOPIC_KINDS.map((k) => ({ value: k, label: TOPIC_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="title" label="Tên" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên.' }]}>
        <Input.TextArea data-testid="topic-title" autoSize maxLength={1000} />
      </Form.Item>
      <Form.Item name="leadOrgId" label="Đơn vị chủ trì" rules={required('Vui lòng chọn đơn vị chủ trì.')}>
        <OrgSelect data-testid="topic-lead" />
      </Form.Item>
      <Form.Item name="participantOrgIds" label="Đơn vị phối hợp">
        <OrgSelect multiple data-testid="topic-participants" />
      </Form.Item>
      <Form.Item name="dueOn" label="Thời hạn" rules={[validDate]}>
        <DateInput testId="topic-due" />
      </Form.Item>
    </FormModal>
  );
}
