import { userMessage } from '../api';

/**
 * A form's error under its fields, announced when it appears: a message, or a failed
 * request (the server's message). Nothing when there is no error.
 */
export function FieldError({
  error,
  prefix = '',
  id,
}: {
  error: unknown;
  /** Said before the message ("Could not save: "). */
  prefix?: string;
  id?: string;
}) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {prefix}
      {typeof error === 'string' ? error : userMessage(error)}
    </p>
  );
}
