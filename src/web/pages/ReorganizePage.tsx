/**
 * "Sắp xếp tổ chức": a bulk reorganisation as one decision. Step 1 the decision, step 2 the ordered operations,
 * step 3 the server's preview (nothing written), step 4 the result once applied.
 */
import { Alert, App, Button, Card, Form, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useApplyReorg, usePreviewReorg } from '../api/hooks.ts';
import type { ReorgApplyResult, ReorgInput, ReorgPreview } from '../../contract/orgs.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { RequirePermission, useCurrentUser } from '../app/auth.tsx';
import { DecisionFields } from '../components/DecisionFields.tsx';
import { OperationsEditor, PAGE_SIZE } from '../components/reorg/OperationsEditor.tsx';
import { PreviewCounts, PreviewView } from '../components/reorg/PreviewView.tsx';
import { formatDate } from '../lib/dates.ts';
import { useConfirm } from '../lib/confirm.ts';
import { applyServerError, toDecision, type DecisionValues, type ServerErrorResult } from '../lib/forms.ts';
import { formatCount } from '../lib/labels.ts';
import { toOp, type OpRow } from '../lib/reorg.ts';

interface WizardValues extends DecisionValues {
  operations: OpRow[];
}

const DECISION_FIELDS = ['decisionNo', 'decisionDate', 'effectiveDate'];

/**
 * A rejected apply (409) lists the conflicts found at apply time in error.details (docs/api.md): show them in place of
 * the earlier preview's, which another change made stale.
 */
function previewFromError(error: unknown, earlier: ReorgPreview | undefined): ReorgPreview | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.rawDetails)) return null;
  const conflicts = (error.rawDetails as unknown[]).filter(
    (c): c is ReorgPreview['conflicts'][number] => typeof c === 'object' && c !== null && 'index' in c && 'code' in c && 'message' in c,
  );
  if (conflicts.length === 0 || !earlier) return null;
  return { ...earlier, ok: false, conflicts };
}

function ReorganizeWizard() {
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const [page, setPage] = useState(1);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [previewed, setPreviewed] = useState<{ input: ReorgInput; preview: ReorgPreview } | null>(null);
  const [applied, setApplied] = useState<ReorgApplyResult | null>(null);
  const [error, setError] = useState<ServerErrorResult | null>(null);
  const preview = usePreviewReorg();
  const apply = useApplyReorg();
  const confirm = useConfirm();
  const { message } = App.useApp();
  const link = useAsOfLink();

  const goToOperation = (index: number) => {
    setStep(1);
    setPage(Math.floor(index / PAGE_SIZE) + 1);
    setHighlight(index);
    window.setTimeout(() => document.getElementById(`reorg-op-${index}`)?.scrollIntoView({ block: 'center' }), 100);
  };

  const next = async () => {
    try {
      await form.validateFields(DECISION_FIELDS);
      setStep(1);
    } catch {
      // antd shows the messages on the fields
    }
  };

  const runPreview = async () => {
    setError(null);
    let values: WizardValues;
    try {
      values = await form.validateFields();
    } catch (e) {
      const failed = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields ?? [];
      const first = failed[0]?.name;
      if (first && DECISION_FIELDS.includes(String(first[0]))) setStep(0);
      else if (first && first[0] === 'operations' && typeof first[1] === 'number') goToOperation(first[1]);
      return;
    }
    const input: ReorgInput = { ...toDecision(values), operations: (values.operations ?? []).map(toOp) };
    try {
      const result = await preview.mutateAsync(input);
      setPreviewed({ input, preview: result });
      setHighlight(null);
      setStep(2);
    } catch (e) {
      const applied = applyServerError(form, e);
      setError(applied);
      const first = applied.fields[0];
      if (first && DECISION_FIELDS.includes(String(first[0]))) setStep(0);
      else if (first && typeof first[1] === 'number') goToOperation(first[1]);
    }
  };

  const runApply = async () => {
    if (!previewed) return;
    const { input, preview: p } = previewed;
    const ok = await confirm({
      title: 'Áp dụng sắp xếp tổ chức?',
      content: `${formatCount(input.operations.length)} thao tác, ảnh hưởng ${formatCount(p.counts.affectedOrgs)} tổ chức, theo quyết định số ${input.decisionNo}, có hiệu lực từ ngày ${formatDate(input.effectiveDate)}. Các thay đổi được ghi vào lịch sử và nhật ký.`,
      okText: 'Áp dụng',
      danger: true,
    });
    if (!ok) return;
    setError(null);
    try {
      const result = await apply.mutateAsync(input);
      setApplied(result);
      setStep(3);
      message.success('Đã áp dụng sắp xếp tổ chức.');
    } catch (e) {
      const fresh = previewFromError(e, previewed?.preview);
      if (fresh) setPreviewed({ input, preview: fresh });
      setError(applyServerError(form, e));
    }
  };

  const restart = () => {
    form.resetFields();
    setPreviewed(null);
    setApplied(null);
    setError(null);
    setHighlight(null);
    setPage(1);
    setStep(0);
  };

  const conflicts = previewed ? previewed.preview.conflicts.length : 0;
  const canApply = Boolean(previewed?.preview.ok) && conflicts === 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Sắp xếp tổ chức
      </Typography.Title>
      <Steps current={step} items={[{ title: 'Quyết định' }, { title: 'Thao tác' }, { title: 'Xem trước' }, { title: 'Hoàn tất' }]} />
      {error && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setError(null) }}
          data-testid="reorg-error"
          title={error.message}
          description={
            error.extra.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {error.extra.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}

      <Form<WizardValues>
        form={form}
        layout="vertical"
        initialValues={{ operations: [] }}
        onValuesChange={() => {
          if (previewed && step < 2) setPreviewed(null);
        }}
        style={{ display: step <= 1 ? 'block' : 'none' }}
      >
        <Card size="small" style={{ display: step === 0 ? 'block' : 'none', maxWidth: 560 }}>
          <Typography.Paragraph type="secondary">Mọi thao tác của đợt sắp xếp thực hiện theo một quyết định và có hiệu lực cùng một ngày.</Typography.Paragraph>
          <DecisionFields />
          <Button type="primary" onClick={() => void next()} data-testid="reorg-next">
            Tiếp tục
          </Button>
        </Card>
        <div style={{ display: step === 1 ? 'block' : 'none' }}>
          <Typography.Paragraph type="secondary">
            Các thao tác được thực hiện lần lượt theo thứ tự. Tổ chức thành lập mới có mã tạm (new-1, new-2…) để các thao tác sau chọn làm cấp trên hoặc tổ chức
            tiếp nhận.
          </Typography.Paragraph>
          <OperationsEditor form={form} page={page} onPageChange={setPage} highlightIndex={highlight} />
          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => setStep(0)} data-testid="reorg-back">
              Quay lại
            </Button>
            <Button type="primary" onClick={() => void runPreview()} loading={preview.isPending} data-testid="reorg-preview">
              Xem trước
            </Button>
          </Space>
        </div>
      </Form>

      {step === 2 && previewed && (
        <>
          <PreviewView preview={previewed.preview} onEditOperation={goToOperation} />
          <Space>
            <Button onClick={() => setStep(1)} data-testid="reorg-back-to-operations">
              Quay lại sửa
            </Button>
            <Button type="primary" danger disabled={!canApply} loading={apply.isPending} onClick={() => void runApply()} data-testid="reorg-apply">
              Áp dụng
            </Button>
            {!canApply && <Typography.Text type="danger">Cần sửa hết xung đột trước khi áp dụng.</Typography.Text>}
          </Space>
        </>
      )}

      {step === 3 && applied && (
        <Result
          status="success"
          data-testid="reorg-done"
          title="Đã áp dụng sắp xếp tổ chức"
          subTitle={`Mã đợt sắp xếp: ${applied.batchId}. Có hiệu lực từ ngày ${formatDate(previewed?.input.effectiveDate)}.`}
          extra={[
            <Link key="audit" to="/audit?action=reorg.apply" data-testid="reorg-audit-link">
              <Button type="primary">Xem nhật ký</Button>
            </Link>,
            <Link key="orgs" to={link('/')}>
              <Button>Về cây tổ chức</Button>
            </Link>,
            <Button key="again" onClick={restart} data-testid="reorg-restart">
              Sắp xếp đợt khác
            </Button>,
          ]}
        >
          <PreviewCounts counts={applied.counts} />
        </Result>
      )}
    </Space>
  );
}

export function ReorganizePage() {
  const me = useCurrentUser();
  return (
    <RequirePermission allowed={me.can.reorganize}>
      <ReorganizeWizard />
    </RequirePermission>
  );
}
