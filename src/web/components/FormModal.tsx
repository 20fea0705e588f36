/**
 * A modal holding one form: validates in the browser first, sends, shows the server's message above the form and
 * its field errors on the fields, and closes only when the request succeeded.
 */
import { Alert, Button, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyServerError, type ServerErrorResult } from '../lib/forms.ts';

export interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  submitText: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<T>;
  /** Shown above the fields: what the action does. */
  intro?: ReactNode;
  onCancel: () => void;
  /** Sends the request; throwing keeps the modal open with the error shown. */
  onSubmit: (values: T) => Promise<void>;
  children: ReactNode;
  testId?: string;
}

export function FormModal<T extends object>(props: FormModalProps<T>) {
  return (
    <Modal open={props.open} title={props.title} onCancel={props.onCancel} footer={null} width={props.width ?? 560} destroyOnHidden mask={{ closable: false }}>
      {props.open && <FormModalBody {...props} />}
    </Modal>
  );
}

function FormModalBody<T extends object>(props: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<ServerErrorResult | null>(null);

  const finish = async (values: T) => {
    setBusy(true);
    setServerError(null);
    try {
      await props.onSubmit(values);
    } catch (error) {
      setServerError(applyServerError(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<T>
      form={form}
      layout="vertical"
      initialValues={props.initialValues}
      onFinish={(values) => void finish(values)}
      requiredMark
      data-testid={props.testId}
      scrollToFirstError
    >
      {props.intro && <div style={{ marginBottom: 16 }}>{props.intro}</div>}
      {serverError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="modal-error"
          title={serverError.message}
          description={
            serverError.extra.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {serverError.extra.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {props.children}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
        <Button onClick={props.onCancel} data-testid="modal-cancel">
          Hủy
        </Button>
        <Button type="primary" danger={props.danger} htmlType="submit" loading={busy} data-testid="modal-submit">
          {props.submitText}
        </Button>
      </div>
    </Form>
  );
}
