import type { ReactNode } from 'react';
import { Dialog, FormActions } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before an action: the question, what it does, and Cancel / confirm. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onCancel,
  ...confirm // onConfirm, danger: the confirm button's
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <div className="dialog-body">{children}</div>
      <FormActions onCancel={onCancel} submitLabel={confirmLabel} disabled={busy} {...confirm} />
    </Dialog>
  );
}
