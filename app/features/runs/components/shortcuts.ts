import type { ShortcutList } from '../../../components/ShortcutSheet';

/** The runs table's keys (use-run-keyboard.ts), for the shared shortcut sheet. */
export const RUNS_SHORTCUTS: ShortcutList = [
  ['j / k', 'Next / previous run'],
  ['Enter', 'Open the run under the cursor'],
  ['x', 'Select the run under the cursor (or fold its group)'],
  ['/', 'Filter runs'],
];
