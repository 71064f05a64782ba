/**
 * Recognise chat-shaped payloads so they read as a conversation: OpenAI-style
 * `messages` / `choices[].message`, a bare list of messages, a single message,
 * Anthropic-style content blocks, and tool calls. Anything else returns null
 * and is shown as JSON.
 */
export interface ToolCall {
  id: string;
  name: string;
  /** Arguments as text (often a JSON string already). */
  arguments: string;
}

export interface ChatMessage {
  role: string;
  content: string;
  name?: string;
  toolCalls: ToolCall[];
  toolCallId?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : safeJson(v);

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

const ROLES = new Set([
  'system',
  'user',
  'assistant',
  'tool',
  'function',
  'developer',
  'model',
  'human',
  'ai',
]);

function toolCall(v: unknown, i: number): ToolCall | null {
  if (!isObj(v)) return null;
  const fn = isObj(v.function) ? v.function : v;
  const name = typeof fn.name === 'string' ? fn.name : '';
  if (!name) return null;
  const args = fn.arguments ?? fn.input ?? fn.args;
  return { id: typeof v.id === 'string' ? v.id : String(i), name, arguments: text(args) };
}

function contentOf(c: unknown, calls: ToolCall[]): { content: string; toolCallId?: string } {
  if (!Array.isArray(c)) return { content: text(c) };
  // Content parts: text parts join, tool_use blocks become tool calls.
  const out: string[] = [];
  let toolCallId: string | undefined;
  c.forEach((part, i) => {
    if (typeof part === 'string') out.push(part);
    else if (isObj(part)) {
      if (part.type === 'tool_use') {
        const t = toolCall(part, i);
        if (t) calls.push(t);
      } else if (part.type === 'tool_result') {
        toolCallId = typeof part.tool_use_id === 'string' ? part.tool_use_id : undefined;
        out.push(contentOf(part.content, calls).content);
      } else if (typeof part.text === 'string') out.push(part.text);
      else out.push(text(part));
    }
  });
  return { content: out.join('\n'), toolCallId };
}

export function toMessage(v: unknown): ChatMessage | null {
  if (!isObj(v) || typeof v.role !== 'string' || !ROLES.has(v.role.toLowerCase())) return null;
  if (!('content' in v) && !('tool_calls' in v) && !('function_call' in v)) return null;
  const toolCalls: ToolCall[] = [];
  if (Array.isArray(v.tool_calls))
    v.tool_calls.forEach((t, i) => {
      const c = toolCall(t, i);
      if (c) toolCalls.push(c);
    });
  if (isObj(v.function_call)) {
    const c = toolCall(v.function_call, 0);
    if (c) toolCalls.push(c);
  }
  const { content, toolCallId } = contentOf(v.content, toolCalls);
  return {
    role: v.role,
    content,
    name: typeof v.name === 'string' ? v.name : undefined,
    toolCalls,
    toolCallId: typeof v.tool_call_id === 'string' ? v.tool_call_id : toolCallId,
  };
}

function allMessages(list: unknown[]): ChatMessage[] | null {
  if (!list.length) return null;
  const out: ChatMessage[] = [];
  for (const m of list) {
    const msg = toMessage(m);
    if (!msg) return null;
    out.push(msg);
  }
  return out;
}

/** The conversation in a payload, or null when it is not chat-shaped. */
export function chatMessages(payload: unknown): ChatMessage[] | null {
  if (Array.isArray(payload)) return allMessages(payload);
  if (!isObj(payload)) return null;
  const single = toMessage(payload);
  if (single) return [single];
  const fromMessages = Array.isArray(payload.messages) ? allMessages(payload.messages) : null;
  const fromChoices: ChatMessage[] = [];
  if (Array.isArray(payload.choices)) {
    for (const ch of payload.choices) {
      const m = isObj(ch) ? toMessage(ch.message ?? ch.delta) : null;
      if (m) fromChoices.push(m);
    }
  }
  if (fromMessages && fromChoices.length) return [...fromMessages, ...fromChoices];
  if (fromMessages) return fromMessages;
  if (fromChoices.length) return fromChoices;
  return null;
}
