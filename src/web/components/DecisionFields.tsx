/** The three fields every change to the tree carries: Số quyết định, Ngày quyết định, Ngày hiệu lực. */
import { Col, Form, Input, Row } from 'antd';
import { decisionNoRules } from '../lib/forms.ts';
import { DateInput } from './DateInput.tsx';
import { validDate } from '../lib/dates.ts';

export function DecisionFields({ prefix = 'decision' }: { prefix?: string }) {
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item name="decisionNo" label="Số quyết định" rules={decisionNoRules(true)}>
          <Input placeholder="vd. 125-QĐ/TU" maxLength={100} data-testid={`${prefix}-no`} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="decisionDate" label="Ngày quyết định" rules={[validDate, { required: true, message: 'Vui lòng chọn ngày quyết định.' }]}>
          <DateInput testId={`${prefix}-date`} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="effectiveDate"
          label="Ngày hiệu lực"
          tooltip="Ngày thay đổi bắt đầu có hiệu lực trên cây tổ chức."
          rules={[validDate, { required: true, message: 'Vui lòng chọn ngày hiệu lực.' }]}
        >
          <DateInput testId={`${prefix}-effective`} />
        </Form.Item>
      </Col>
    </Row>
  );
}
