import { useId } from 'react';
import { FieldError } from './FieldError';

interface Props {
  label: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
  /** The server's answer to a malformed filter, shown under the box. */
  error: unknown;
  className?: string;
}

/**
 * A server-side search box: the text is sent as written, and a malformed
 * filter shows the server's own message beside it (the list keeps its last
 * good result; that is the caller's part).
 */
export function FilterSearchBox({
  label,
  placeholder,
  value,
  onChange,
  error,
  className = 'grow search-box',
}: Props) {
  const errorId = useId();
  return (
    <div className={className}>
      <input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        style={{ width: '100%' }}
      />
      <FieldError error={error} id={errorId} />
    </div>
  );
}
