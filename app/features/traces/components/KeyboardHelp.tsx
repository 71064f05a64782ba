import { Dialog } from '../../../components/Dialog';

const KEYS: [string, string][] = [
  ['↑ / ↓', 'Previous / next span'],
  ['←', 'Collapse, or go to the parent'],
  ['→', 'Expand, or go to the first child'],
  ['Home / End', 'First / last span'],
  ['/', 'Search spans'],
  ['Enter (in search)', 'Next match (Shift: previous)'],
  ['Esc', 'Leave the search box'],
  ['?', 'This help'],
];

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <dl className="kv">
        {KEYS.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
