import type { ChatMessage } from '../model/chat';
import { JsonView } from './JsonView';
import { LongText } from './LongText';

function parsedArgs(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A conversation: one bubble per message, tool calls shown with their arguments. Text only, never HTML. */
export function ChatView({ messages, label }: { messages: ChatMessage[]; label: string }) {
  return (
    <ol className="chat" aria-label={label}>
      {messages.map((m, i) => (
        <li
          key={i}
          className={`chat-message chat-${m.role.toLowerCase()}`}
          aria-label={`${m.role} message`}
        >
          <div className="chat-role">
            {m.role}
            {m.name ? <span className="muted"> · {m.name}</span> : null}
            {m.toolCallId ? <span className="muted"> · result of {m.toolCallId}</span> : null}
          </div>
          {m.content ? (
            <div className="chat-content">
              <LongText text={m.content} limit={4000} />
            </div>
          ) : null}
          {m.toolCalls.map((t) => (
            <div key={t.id} className="chat-tool-call" aria-label={`Tool call ${t.name}`}>
              <span className="badge">tool call</span> <strong className="mono">{t.name}</strong>
              <span className="muted mono"> {t.id}</span>
              <JsonView value={parsedArgs(t.arguments)} label={`${t.name} arguments`} />
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
