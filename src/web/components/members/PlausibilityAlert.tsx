/**
 * Plausibility warnings shown before saving (issue 12 part 3): the messages of the domain's plausibility functions
 * (src/domain/plausibility.ts: dates after today, age at admission) run on the form's values, the same functions the
 * server refuses with. Nothing here decides: the server does; the form only says it early.
 */
import { Alert } from 'antd';
import type { PlausibilityProblem } from '../../../domain/plausibility.ts';

export function PlausibilityAlert({ problems, testId }: { problems: readonly PlausibilityProblem[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="Kiểm tra lại trước khi lưu: hệ thống sẽ không nhận"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>{p.message}</li>
          ))}
        </ul>
      }
      data-testid={testId}
    />
  );
}
