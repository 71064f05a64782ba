/**
 * Chart layout and settings, persisted per experiment (localStorage): collapsed
 * sections, hidden charts, and the options of the other chart kinds. Hover
 * highlight is UI-only and not persisted.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface ChartLayout {
  collapsed: string[];
  bar: { key: string; agg: 'latest' | 'min' | 'max' };
  scatter: { x: string; y: string };
  parallel: { axes: string[]; target: string };
}

export const DEFAULT_LAYOUT: ChartLayout = {
  collapsed: [],
  bar: { key: '', agg: 'latest' },
  scatter: { x: '', y: '' },
  parallel: { axes: [], target: '' },
};

interface LayoutStore {
  layouts: Record<string, ChartLayout>;
  update: (experimentKey: string, patch: Partial<ChartLayout>) => void;
}

export const useLayoutStore = create<LayoutStore>()(
  persist(
    (set) => ({
      layouts: {},
      update: (experimentKey, patch) =>
        set((s) => ({
          layouts: {
            ...s.layouts,
            [experimentKey]: { ...DEFAULT_LAYOUT, ...s.layouts[experimentKey], ...patch },
          },
        })),
    }),
    { name: 'runlens.compare.layout', version: 1 },
  ),
);

/** Narrow selector: the stored layout object itself (stable), or the shared default. */
export function useChartLayout(experimentKey: string): ChartLayout {
  return useLayoutStore((s) => s.layouts[experimentKey] ?? DEFAULT_LAYOUT);
}

interface HighlightStore {
  highlighted: string | null;
  setHighlighted: (id: string | null) => void;
}

export const useHighlight = create<HighlightStore>()((set) => ({
  highlighted: null,
  setHighlighted: (highlighted) => set({ highlighted }),
}));
