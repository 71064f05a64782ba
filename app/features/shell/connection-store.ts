import { create } from 'zustand';

/** Whether the tracking server answered the last request: drives the banner. */
interface ConnectionState {
  unreachable: boolean;
  message: string;
  setUnreachable: (message: string) => void;
  setReachable: () => void;
}

export const useConnectionStore = create<ConnectionState>((set, get) => ({
  unreachable: false,
  message: '',
  setUnreachable: (message) => {
    if (!get().unreachable || get().message !== message) set({ unreachable: true, message });
  },
  setReachable: () => {
    if (get().unreachable) set({ unreachable: false, message: '' });
  },
}));
