import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'error' | 'success' | 'info';
  message: string;
  details?: string;
  /** One action the toast offers (Undo), which also dismisses it. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastState {
  toasts: Toast[];
  push: (t: Omit<Toast, 'id'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  push: (t) => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-4), { ...t, id }] }));
    // a toast with an action stays long enough to reach for it
    if (t.kind !== 'error')
      setTimeout(() => useToastStore.getState().dismiss(id), t.action ? 10_000 : 4000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Call from anywhere (mutation callbacks): no hook needed. */
export const toast = {
  error: (message: string, details?: string) =>
    useToastStore.getState().push({ kind: 'error', message, details }),
  success: (message: string, action?: ToastAction) =>
    useToastStore.getState().push({ kind: 'success', message, action }),
  info: (message: string) => useToastStore.getState().push({ kind: 'info', message }),
};
