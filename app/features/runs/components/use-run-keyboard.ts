import { useEffect, useRef } from 'react';

interface Handlers {
  focusSearch: () => void;
  move: (delta: 1 | -1) => void;
  open: () => void;
  toggle: () => void;
}

const EDITABLE = 'input,textarea,select,[contenteditable="true"]';

/**
 * Page shortcuts: `/` focuses the filter, `j`/`k` move between rows, Enter
 * opens the active row, `x` selects it. Ignored while typing in a field or
 * when a dialog is open.
 */
export function useRunKeyboard(h: Handlers) {
  const ref = useRef(h);
  ref.current = h;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest(EDITABLE) || document.querySelector('dialog[open]')) return;
      const interactive = t?.closest('a,button,summary');
      switch (e.key) {
        case '/':
          e.preventDefault();
          ref.current.focusSearch();
          break;
        case 'j':
          ref.current.move(1);
          break;
        case 'k':
          ref.current.move(-1);
          break;
        case 'x':
          ref.current.toggle();
          break;
        case 'Enter':
          if (!interactive) ref.current.open();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
