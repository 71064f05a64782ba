import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { pushHistory } from './model/autocomplete';

/**
 * Personal table preferences (not part of a shared link): density, column
 * widths and pins, and the recent filters. Persisted in localStorage.
 */
interface RunsUiState {
  density: 'compact' | 'comfortable';
  columnWidths: Record<string, number>;
  pinned: string[];
  history: string[];
  setDensity: (d: 'compact' | 'comfortable') => void;
  setColumnWidths: (w: Record<string, number>) => void;
  togglePinned: (columnId: string) => void;
  remember: (filter: string) => void;
}

export const useRunsUiStore = create<RunsUiState>()(
  persist(
    (set) => ({
      density: 'compact',
      columnWidths: {},
      pinned: [],
      history: [],
      setDensity: (density) => set({ density }),
      setColumnWidths: (columnWidths) => set({ columnWidths }),
      togglePinned: (id) =>
        set((s) => ({
          pinned: s.pinned.includes(id) ? s.pinned.filter((p) => p !== id) : [...s.pinned, id],
        })),
      remember: (filter) => set((s) => ({ history: pushHistory(s.history, filter) })),
    }),
    { name: 'runlens.runs-table', version: 1 },
  ),
);
