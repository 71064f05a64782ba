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
  danger,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <div className="dialog-body">{children}</div>
      <FormActions
        onCancel={onCancel}
        submitLabel={confirmLabel}
        disabled={busy}
        onConfirm={onConfirm}
        danger={danger}
      />
    </Dialog>
  );
}
