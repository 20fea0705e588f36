/** A yes/no confirmation as a promise, for destructive actions. */
import { App } from 'antd';
import type { ReactNode } from 'react';

export interface ConfirmOptions {
  title: ReactNode;
  content?: ReactNode;
  okText: string;
  danger?: boolean;
}

export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const { modal } = App.useApp();
  return (options) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: options.title,
        content: options.content,
        okText: options.okText,
        cancelText: 'Hủy',
        okButtonProps: { danger: options.danger, ...({ 'data-testid': 'confirm-ok' } as object) },
        cancelButtonProps: { ...({ 'data-testid': 'confirm-cancel' } as object) },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}
