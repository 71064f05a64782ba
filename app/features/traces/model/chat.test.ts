import { describe, expect, it } from 'vitest';
import { chatMessages } from './chat';

describe('chatMessages', () => {
  it('reads OpenAI-style inputs and outputs', () => {
    expect(
      chatMessages({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        max_tokens: 5,
      }),
    ).toEqual([
      {
        role: 'system',
        content: 'Be brief.',
        toolCalls: [],
        name: undefined,
        toolCallId: undefined,
      },
      { role: 'user', content: 'Hi', toolCalls: [], name: undefined, toolCallId: undefined },
    ]);
    expect(
      chatMessages({
        choices: [{ message: { role: 'assistant', content: 'The answer is 42.' } }],
      })?.map((m) => m.content),
    ).toEqual(['The answer is 42.']);
  });

  it('reads tool calls and tool results', () => {
    const msgs = chatMessages([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'c1',
            type: 'function',
            function: { name: 'calculator', arguments: '{"expression":"5/0"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'error' },
    ]);
    expect(msgs?.[0]?.toolCalls).toEqual([
      { id: 'c1', name: 'calculator', arguments: '{"expression":"5/0"}' },
    ]);
    expect(msgs?.[1]).toMatchObject({ role: 'tool', toolCallId: 'c1', content: 'error' });
  });

  it('joins content parts and reads Anthropic tool_use blocks', () => {
    const msgs = chatMessages({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 't1', name: 'search', input: { q: 'x' } },
      ],
    });
    expect(msgs?.[0]?.content).toBe('Let me check.');
    expect(msgs?.[0]?.toolCalls).toEqual([{ id: 't1', name: 'search', arguments: '{"q":"x"}' }]);
  });

  it('rejects payloads that are not conversations', () => {
    expect(chatMessages({ question: 'hi' })).toBeNull();
    expect(chatMessages('plain string input')).toBeNull();
    expect(chatMessages([{ doc_id: 'd', score: 1 }])).toBeNull();
    expect(chatMessages({ messages: [] })).toBeNull();
    expect(chatMessages([{ role: 'wizard', content: 'x' }])).toBeNull();
  });
});
