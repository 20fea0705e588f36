/** State for a form that sends one request: busy flag, the server error, field errors put on the fields. */
import { Form } from 'antd';
import { useState } from 'react';
import { applyServerError, type ServerErrorResult } from '../../lib/forms.ts';

export function useFormAction<T>() {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ServerErrorResult | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(applyServerError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return { form, busy, error, run };
}
