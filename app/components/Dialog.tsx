import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog (native <dialog>): focus trapping, Escape and the backdrop come for free. */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/**
 * The Cancel / submit row that ends a dialog: the form's submit button, or with
 * `onConfirm` a plain button (a confirmation without a form).
 */
export function FormActions({
  onCancel,
  submitLabel,
  disabled,
  onConfirm,
  danger,
}: {
  onCancel: () => void;
  submitLabel: ReactNode;
  disabled?: boolean;
  onConfirm?: () => void;
  /** The action destroys something (a red button). */
  danger?: boolean;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={danger ? 'button danger' : 'button primary'}
        disabled={disabled}
        onClick={onConfirm}
      >
        {submitLabel}
      </button>
    </div>
  );
}
