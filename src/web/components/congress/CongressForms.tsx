/**
 * The forms of «Cấp ủy, nhiệm kỳ» and «Đại hội»: recording a term with the committee elected at its congress, a
 * change during the term (elected or appointed additionally, a change of post), a seat that ends, opening a round.
 */
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  COMMITTEE_POSTS,
  COMMITTEE_POSTS_OF,
  POST_LABELS,
  SEAT_END_LABELS,
  SEAT_END_REASONS,
  SEAT_HOW_LABELS,
  type CommitteePost,
} from '../../../domain/congress.ts';
import { useAddSeat, useCreateRound, useCreateTerm, useEndSeat } from '../../api/congress.ts';
import { toIso, validDate } from '../../lib/dates.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';

const required = (message: string) => [{ required: true, message }];
const postOptions = COMMITTEE_POSTS.map((p) => ({ value: p, label: POST_LABELS[p] }));
const bodyOf = (post: CommitteePost) => (COMMITTEE_POSTS_OF.inspection.includes(post) ? 'inspection' : 'committee');

interface TermValues {
  fromYear: number;
  toYear: number;
  congressOn: Dayjs;
  decisionNo?: string;
  decisionOn?: Dayjs;
  seats?: { fullName: string; post: CommitteePost }[];
}

export function TermModal(props: { open: boolean; orgId: string; onClose: (termId?: string) => void }) {
  const create = useCreateTerm();
  return (
    <FormModal<TermValues>
      open={props.open}
      title="Ghi nhận nhiệm kỳ và cấp ủy được bầu"
      submitText="Lưu"
      width={640}
      testId="term-form"
      initialValues={{ seats: [{ fullName: '', post: 'bi_thu' }] }}
      onCancel={() => props.onClose()}
      onSubmit={async (v) => {
        const r = await create.mutateAsync({
          orgId: props.orgId,
          fromYear: v.fromYear,
          toYear: v.toYear,
          congressOn: toIso(v.congressOn),
          decisionNo: v.decisionNo ?? null,
          decisionOn: v.decisionOn ? toIso(v.decisionOn) : null,
          seats: (v.seats ?? []).filter((s) => s.fullName?.trim()).map((s) => ({ fullName: s.fullName, body: bodyOf(s.post), post: s.post })),
        });
        props.onClose(r.term.id);
      }}
    >
      <Space wrap>
        <Form.Item name="fromYear" label="Nhiệm kỳ từ năm" rules={required('Vui lòng nhập năm.')}>
          <InputNumber min={1930} max={2040} data-testid="term-from" />
        </Form.Item>
        <Form.Item name="toYear" label="Đến năm" rules={required('Vui lòng nhập năm.')}>
          <InputNumber min={1930} max={2040} data-testid="term-to" />
        </Form.Item>
      </Space>
      <Form.Item name="congressOn" label="Ngày đại hội" rules={[validDate, ...required('Vui lòng nhập ngày đại hội.')]}>
        <DateInput testId="term-congress-on" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="decisionNo" label="Quyết định chuẩn y số">
          <Input maxLength={100} data-testid="term-decision" />
        </Form.Item>
        <Form.Item name="decisionOn" label="Ngày quyết định" rules={[validDate]}>
          <DateInput testId="term-decision-on" />
        </Form.Item>
      </Space>
      <Form.List name="seats">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} wrap align="start">
                <Form.Item name={[field.name, 'fullName']} label={i === 0 ? 'Họ và tên' : undefined} style={{ marginBottom: 8 }}>
                  <Input maxLength={255} style={{ width: 220 }} data-testid={`term-seat-name-${i}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'post']} label={i === 0 ? 'Chức vụ' : undefined} style={{ marginBottom: 8 }}>
                  <Select options={postOptions} style={{ width: 230 }} data-testid={`term-seat-post-${i}`} />
                </Form.Item>
                <Button onClick={() => remove(field.name)} style={{ marginTop: i === 0 ? 30 : 0 }}>
                  Bỏ
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ fullName: '', post: 'cap_uy_vien' })} data-testid="term-seat-add">
              Thêm người
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

interface SeatValues {
  fullName: string;
  post: CommitteePost;
  fromOn: Dayjs;
  how: 'elected_additional' | 'appointed_additional' | 'post_changed';
  decisionNo?: string;
}

export function SeatModal(props: { open: boolean; termId: string; onClose: () => void }) {
  const add = useAddSeat(props.termId);
  return (
    <FormModal<SeatValues>
      open={props.open}
      title="Bổ sung, thay đổi chức vụ trong nhiệm kỳ"
      submitText="Lưu"
      testId="seat-form"
      initialValues={{ post: 'cap_uy_vien', how: 'elected_additional' }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await add.mutateAsync({
          fullName: v.fullName,
          body: bodyOf(v.post),
          post: v.post,
          fromOn: toIso(v.fromOn),
          how: v.how,
          decisionNo: v.decisionNo ?? null,
        });
        props.onClose();
      }}
    >
      <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ tên.' }]}>
        <Input maxLength={255} data-testid="seat-name" />
      </Form.Item>
      <Form.Item name="post" label="Chức vụ" rules={required('Vui lòng chọn chức vụ.')}>
        <Select options={postOptions} data-testid="seat-post" />
      </Form.Item>
      <Form.Item name="how" label="Hình thức" rules={required('Vui lòng chọn hình thức.')}>
        <Select options={(['elected_additional', 'appointed_additional', 'post_changed'] as const).map((h) => ({ value: h, label: SEAT_HOW_LABELS[h] }))} />
      </Form.Item>
      <Form.Item name="fromOn" label="Từ ngày" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
        <DateInput testId="seat-from" />
      </Form.Item>
      <Form.Item name="decisionNo" label="Quyết định số">
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

interface EndValues {
  endedOn: Dayjs;
  reason: (typeof SEAT_END_REASONS)[number];
  decisionNo?: string;
  note?: string;
}

export function EndSeatModal(props: { seat: { id: string; fullName: string; postLabel: string } | null; onClose: () => void }) {
  const end = useEndSeat();
  return (
    <FormModal<EndValues>
      open={props.seat !== null}
      title={props.seat ? `Thôi giữ chức vụ: ${props.seat.fullName} (${props.seat.postLabel})` : ''}
      submitText="Lưu"
      testId="seat-end-form"
      initialValues={{ reason: 'moved' }}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await end.mutateAsync({ seatId: props.seat!.id, endedOn: toIso(v.endedOn), reason: v.reason, decisionNo: v.decisionNo ?? null, note: v.note ?? null });
        props.onClose();
      }}
    >
      <Form.Item name="reason" label="Lý do" rules={required('Vui lòng chọn lý do.')}>
        <Select options={SEAT_END_REASONS.map((r) => ({ value: r, label: SEAT_END_LABELS[r] }))} />
      </Form.Item>
      <Form.Item name="endedOn" label="Từ ngày" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
        <DateInput testId="seat-end-on" />
      </Form.Item>
      <Form.Item name="decisionNo" label="Quyết định số">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea autoSize maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

interface RoundValues {
  orgId: string;
  title: string;
  fromOn: Dayjs;
  toOn: Dayjs;
}

export function RoundModal(props: { open: boolean; onClose: (id?: string) => void }) {
  const create = useCreateRound();
  return (
    <FormModal<RoundValues>
      open={props.open}
      title="Mở đợt đại hội"
      submitText="Lưu"
      testId="round-form"
      intro="Các tổ chức đến kỳ đại hội trong khoảng thời gian này được tính từ ngày đại hội nhiệm kỳ trước và quy định về nhiệm kỳ."
      onCancel={() => props.onClose()}
      onSubmit={async (v) => {
        const r = await create.mutateAsync({ orgId: v.orgId, title: v.title, fromOn: toIso(v.fromOn), toOn: toIso(v.toOn) });
        props.onClose(r.round.id);
      }}
    >
      <Form.Item name="orgId" label="Tổ chức chỉ đạo" rules={required('Vui lòng chọn tổ chức.')}>
        <OrgSelect data-testid="round-org" />
      </Form.Item>
      <Form.Item name="title" label="Tên đợt" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đợt.' }]}>
        <Input maxLength={255} data-testid="round-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="fromOn" label="Từ ngày" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
          <DateInput testId="round-from" />
        </Form.Item>
        <Form.Item name="toOn" label="Đến ngày" rules={[validDate, ...required('Vui lòng nhập ngày.')]}>
          <DateInput testId="round-to" />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
