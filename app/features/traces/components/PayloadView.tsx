import { useMemo, useState } from 'react';
import type { AttributeValue } from '../../../api';
import { chatMessages } from '../model/chat';
import { ChatView } from './ChatView';
import { JsonView } from './JsonView';
import { LongText } from './LongText';

/** Inputs, outputs, request or response: a conversation when chat-shaped, else a JSON tree; malformed JSON stays raw text. */
export function PayloadView({
  label,
  value,
}: {
  label: string;
  value: AttributeValue | null | undefined;
}) {
  const messages = useMemo(() => (value?.ok ? chatMessages(value.value) : null), [value]);
  const [asJson, setAsJson] = useState(false);
  if (value === undefined || value === null) return null;
  return (
    <section className="payload" aria-label={label}>
      <div className="payload-head">
        <h3>{label}</h3>
        {messages ? (
          <div className="segmented" role="group" aria-label={`${label} format`}>
            <button type="button" aria-pressed={!asJson} onClick={() => setAsJson(false)}>
              Conversation
            </button>
            <button type="button" aria-pressed={asJson} onClick={() => setAsJson(true)}>
              JSON
            </button>
          </div>
        ) : null}
      </div>
      {!value.ok ? (
        <>
          <p className="muted">Not valid JSON: shown as sent.</p>
          <pre className="json-raw">
            <LongText text={value.raw} limit={20_000} />
          </pre>
        </>
      ) : messages && !asJson ? (
        <ChatView messages={messages} label={`${label} conversation`} />
      ) : (
        <JsonView value={value.value} label={label} />
      )}
    </section>
  );
}
