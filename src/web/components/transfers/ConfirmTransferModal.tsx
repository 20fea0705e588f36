/**
 * "Xác nhận tiếp nhận": the receiving organisation confirms a member's arrival (domain.md §7). The member goes on the
 * roll of a cell under the organisation the transfer was addressed to, which the user picks among the cells of that
 * subtree. The introduction letter must be presented within 30 working days of its date; the server counts the
 * working days (holidays included) and, past the limit, answers 400 on `lateReason`: only then does the form ask for
 * the reason of the delay.
 */
import { Alert, App, Col, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { decisionNoRules, isFieldError, optionalText } from '../../lib/forms.ts';
import { useCellKindCodes, useConfirmTransfer, useOrgKinds, useOrgTree } from '../../api/hooks.ts';
import type { IncomingTransfer, MemberFile } from '../../../contract/members.ts';
import type { OrgSearchItem, OrgTreeItem } from '../../../contract/orgs.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { formatDate, fromIso, todayIso, toIso, validDate } from '../../lib/dates.ts';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect, type OrgOption } from '../OrgSelect.tsx';
import { DateInput } from '../DateInput.tsx';

interface Values {
  orgId: string;
  date: Dayjs;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
  lateReason?: string;
}

/** More cells than this under the destination are found by typing rather than listed up front. */
const MAX_LISTED_CELLS = 300;

/** The cells under the destination (itself included when it is one), with their chain below it as the hint. */
function useDestinationCells(toOrgId: string) {
  const today = todayIso();
  const tree = useOrgTree(toOrgId, today);
  const cellKinds = useCellKindCodes();
  const kinds = useOrgKinds();
  return useMemo(() => {
    const items = tree.data?.items ?? [];
    const byId = new Map<string, OrgTreeItem>(items.map((i) => [i.id, i]));
    const kindName = new Map((kinds.data ?? []).map((k) => [k.code, k.name]));
    // The organisations between the destination (included) and the cell: the tree holds only that subtree.
    const chain = (item: OrgTreeItem) => {
      const names: string[] = [];
      let p = item.id === toOrgId ? undefined : byId.get(item.parentId ?? '');
      while (p) {
        names.unshift(p.name);
        p = p.id === toOrgId ? undefined : byId.get(p.parentId ?? '');
      }
      return names.join(' › ');
    };
    const cells = cellKinds ? items.filter((i) => cellKinds.has(i.kindCode)) : [];
    const options: OrgOption[] = cells.map((c) => {
      const path = chain(c);
      const kind = kindName.get(c.kindCode) ?? '';
      return { value: c.id, label: c.name, hint: [kind, path].filter(Boolean).join(' · ') };
    });
    return {
      loaded: tree.isSuccess && cellKinds !== undefined,
      ids: new Set(items.map((i) => i.id)),
      options,
      /** The destination itself when it is a cell, or its only cell. */
      defaultCell: options.find((o) => o.value === toOrgId)?.value ?? (options.length === 1 ? options[0]?.value : undefined),
    };
  }, [tree.data, tree.isSuccess, cellKinds, kinds.data, toOrgId]);
}

function CellField({ transfer }: { transfer: IncomingTransfer }) {
  const form = Form.useFormInstance<Values>();
  const cells = useDestinationCells(transfer.toOrgId);
  const cellKinds = useCellKindCodes();
  const { defaultCell } = cells;
  useEffect(() => {
    if (defaultCell && !form.getFieldValue('orgId')) form.setFieldValue('orgId', defaultCell);
  }, [defaultCell, form]);
  const filter = useCallback(
    (item: OrgSearchItem) => (!cellKinds || cellKinds.has(item.kindCode)) && (!cells.loaded || cells.ids.has(item.id)),
    [cellKinds, cells],
  );
  const listed = cells.options.length <= MAX_LISTED_CELLS;
  return (
    <Form.Item
      name="orgId"
      label="Chi bộ tiếp nhận"
      tooltip="Đảng viên sinh hoạt tại một chi bộ (chi bộ cơ sở hoặc chi bộ trực thuộc) thuộc tổ chức nơi đến."
      extra={`Chi bộ thuộc «${transfer.toOrg || 'tổ chức nơi đến'}».`}
      rules={[{ required: true, message: 'Vui lòng chọn chi bộ tiếp nhận.' }]}
    >
      <OrgSelect
        placeholder={listed ? 'Chọn chi bộ, hoặc gõ tên để lọc' : 'Gõ tên chi bộ để tìm'}
        extraOptions={listed ? cells.options : []}
        filter={filter}
        emptyText={cells.loaded && cells.options.length === 0 ? 'Tổ chức nơi đến không có chi bộ nào' : undefined}
        data-testid="incoming-cell"
      />
    </Form.Item>
  );
}

export interface ConfirmTransferModalProps {
  transfer: IncomingTransfer | null;
  onClose: () => void;
  onConfirmed: (file: MemberFile, transfer: IncomingTransfer) => void;
}

export function ConfirmTransferModal({ transfer, onClose, onConfirmed }: ConfirmTransferModalProps) {
  const confirm = useConfirmTransfer();
  const { message } = App.useApp();
  // Shown once the server has said the letter came late; kept for this modal's life.
  const [late, setLate] = useState(false);
  const limit = ruleSetOn(transfer?.startedOn ?? todayIso()).transfer.presentLetterWithinWorkingDays;

  const close = () => {
    setLate(false);
    onClose();
  };

  const submit = async (values: Values) => {
    if (!transfer) return;
    try {
      const file = await confirm.mutateAsync({
        memberId: transfer.memberId,
        body: {
          kind: 'transfer_in_confirmed',
          orgId: values.orgId,
          date: toIso(values.date),
          decisionNo: optionalText(values.decisionNo),
          decisionDate: values.decisionDate ? toIso(values.decisionDate) : undefined,
          lateReason: late ? optionalText(values.lateReason) : undefined,
        },
      });
      message.success(`Đã tiếp nhận đảng viên ${file.fields.fullName} vào «${file.org.name}».`);
      setLate(false);
      onConfirmed(file, transfer);
    } catch (error) {
      if (isFieldError(error, 'lateReason')) setLate(true);
      throw error;
    }
  };

  return (
    <FormModal<Values>
      open={transfer !== null}
      title={transfer ? `Xác nhận tiếp nhận · ${transfer.fullName}` : ''}
      submitText="Xác nhận tiếp nhận"
      width={680}
      onCancel={close}
      onSubmit={submit}
      initialValues={{ date: fromIso(todayIso()) }}
      testId="form-confirm-transfer"
      intro={
        transfer && (
          <Alert
            type="info"
            showIcon
            title={`Chuyển đi từ «${transfer.fromOrg || 'tổ chức không rõ tên'}» ngày ${formatDate(transfer.startedOn)}${transfer.decisionNo ? `, quyết định số ${transfer.decisionNo}` : ''}.`}
            description={`Giới thiệu sinh hoạt đảng phải nộp trong ${limit} ngày làm việc kể từ ngày giới thiệu; nộp chậm hơn thì ghi rõ lý do.`}
          />
        )
      }
    >
      {transfer && <CellField transfer={transfer} />}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="date"
            label="Ngày tiếp nhận"
            tooltip="Ngày đảng viên nộp giới thiệu sinh hoạt đảng cho tổ chức nơi đến."
            rules={[
              validDate,
              { required: true, message: 'Vui lòng chọn ngày tiếp nhận.' },
              {
                validator: (_rule, value: Dayjs | undefined) =>
                  !value || !transfer || toIso(value) >= transfer.startedOn
                    ? Promise.resolve()
                    : Promise.reject(new Error(`Ngày tiếp nhận không được trước ngày chuyển đi (${formatDate(transfer.startedOn)}).`)),
              },
            ]}
          >
            <DateInput testId="incoming-date" />
          </Form.Item>
        </Col>
        <Col span={12} />
        <Col span={12}>
          <Form.Item name="decisionNo" label="Số quyết định" rules={decisionNoRules(false)}>
            <Input placeholder="vd. 20-QĐ/ĐU" maxLength={100} data-testid="incoming-decision-no" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[validDate]}>
            <DateInput testId="incoming-decision-date" />
          </Form.Item>
        </Col>
      </Row>
      {/* Registered from the start (hidden) so the server's message on `lateReason` lands on it. */}
      <Form.Item
        name="lateReason"
        label="Lý do nộp chậm"
        hidden={!late}
        rules={
          late
            ? [
                { required: true, whitespace: true, message: 'Vui lòng ghi lý do nộp giới thiệu chậm.' },
                { max: 1000, message: 'Tối đa 1.000 ký tự.' },
              ]
            : []
        }
      >
        <Input.TextArea rows={2} maxLength={1000} placeholder="vd. Ốm đau, điều trị tại bệnh viện" data-testid="incoming-late-reason" />
      </Form.Item>
    </FormModal>
  );
}
