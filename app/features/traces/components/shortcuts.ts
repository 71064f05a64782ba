import type { ShortcutList } from '../../../components/ShortcutSheet';

/** The trace timeline's keys, for the shared shortcut sheet. */
export const TRACE_SHORTCUTS: ShortcutList = [
  ['↑ / ↓', 'Previous / next span'],
  ['←', 'Collapse, or go to the parent'],
  ['→', 'Expand, or go to the first child'],
  ['Home / End', 'First / last span'],
  ['/', 'Search spans'],
  ['Enter (in search)', 'Next match (Shift: previous)'],
  ['Esc', 'Leave the search box'],
];
