/** The three fields every change to the tree carries: Số quyết định, Ngày quyết định, Ngày hiệu lực. */
import { Col, DatePicker, Form, Input, Row } from 'antd';
import { DATE_FORMATS, DATE_PLACEHOLDER } from '../lib/dates.ts';

export function DecisionFields({ prefix = 'decision' }: { prefix?: string }) {
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item
          name="decisionNo"
          label="Số quyết định"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập số quyết định.' },
            { max: 100, message: 'Số quyết định tối đa 100 ký tự.' },
          ]}
        >
          <Input placeholder="vd. 125-QĐ/TU" maxLength={100} data-testid={`${prefix}-no`} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="decisionDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Vui lòng chọn ngày quyết định.' }]}
        >
          <DatePicker
            format={DATE_FORMATS}
            placeholder={DATE_PLACEHOLDER}
            style={{ width: '100%' }}
            data-testid={`${prefix}-date`}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="effectiveDate"
          label="Ngày hiệu lực"
          tooltip="Ngày thay đổi bắt đầu có hiệu lực trên cây tổ chức."
          rules={[{ required: true, message: 'Vui lòng chọn ngày hiệu lực.' }]}
        >
          <DatePicker
            format={DATE_FORMATS}
            placeholder={DATE_PLACEHOLDER}
            style={{ width: '100%' }}
            data-testid={`${prefix}-effective`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
