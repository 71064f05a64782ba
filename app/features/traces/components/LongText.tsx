import { useState } from 'react';
import { formatInt } from '../../../lib/format';

/**
 * Server text, shown as text. Long strings (a megabyte prompt) show their
 * start and an "Expand" control, so one span cannot freeze the page.
 */
export function LongText({
  text,
  limit = 2000,
  className = 'pre-wrap',
}: {
  text: string;
  limit?: number;
  className?: string;
}) {
  const [shown, setShown] = useState(limit);
  if (text.length <= shown) return <span className={className}>{text}</span>;
  return (
    <span className={className}>
      {text.slice(0, shown)}
      <span className="muted">… </span>
      <button
        type="button"
        className="button small"
        onClick={() => setShown((s) => Math.max(s * 20, 100_000))}
      >
        Expand ({formatInt(text.length - shown)} more characters)
      </button>
    </span>
  );
}
