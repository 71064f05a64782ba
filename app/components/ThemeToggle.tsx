import { useEffect, useState } from 'react';
import { resolveTheme, useThemeStore } from './theme-store';

/** Follows the OS until the user picks; the pick is persisted. */
export function ThemeToggle() {
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  const [resolved, setResolved] = useState(() => resolveTheme(theme));

  useEffect(() => {
    const apply = () => {
      const r = resolveTheme(theme);
      setResolved(r);
      document.documentElement.dataset.theme = r;
    };
    apply();
    if (theme !== 'system' || typeof matchMedia === 'undefined') return;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [theme]);

  const next = resolved === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme (now ${theme === 'system' ? 'following the system' : theme})`}
      onClick={() => setTheme(next)}
    >
      {resolved === 'dark' ? '☀' : '☾'}
    </button>
  );
}
