import { useEffect, useState } from 'react';
import { Dialog } from './Dialog';

/** [keys, what they do], in the order a person reads them. */
export type ShortcutList = readonly (readonly [string, string])[];

const EDITABLE = 'input,textarea,select,[contenteditable="true"]';

/** True while the key goes to a text field (where `?` is just a character). */
export function isTypingTarget(t: EventTarget | null): boolean {
  return t instanceof Element && !!t.closest(EDITABLE);
}

/**
 * The keyboard shortcuts of a page, opened with `?` (anywhere but in a text
 * field) and listed in a dialog. Every page that has shortcuts mounts one, so
 * `?` works the same everywhere.
 */
export function ShortcutSheet({ keys }: { keys: ShortcutList }) {
  const [open, setOpen] = useState(false);
  useShortcutKey(() => setOpen((o) => !o));
  return <KeyboardHelp keys={keys} open={open} onClose={() => setOpen(false)} />;
}

/** Calls `toggle` when `?` is pressed outside a text field. */
function useShortcutKey(toggle: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      toggle();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toggle]);
}

/** The sheet itself, for a page that opens it from its own button too (the trace timeline). */
export function KeyboardHelp({
  keys,
  open,
  onClose,
}: {
  keys: ShortcutList;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <dl className="kv shortcut-list">
        {[...keys, ['?', 'This list'] as const].map(([k, v]) => (
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
