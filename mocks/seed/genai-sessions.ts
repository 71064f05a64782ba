/**
 * `chat-sessions` (3.x demo only): multi-turn conversations as the 3.18
 * client logs them (traces_search_v3_sessions.json): each turn one trace
 * with `mlflow.trace.session` and `mlflow.trace.user` metadata, input
 * `{"message": ...}`, a chat-completion output whose content is the response
 * preview, and token usage. One session carries hostile strings.
 */
import type { Db } from '../db';
import { addExperiment } from './build';
import { addAssessments, addTrace3, nextExperimentId, traceIds } from './genai-build';
import { HOSTILE_IMG, HOSTILE_SCRIPT } from './genai-assessments';
import { R } from './experiments';

export const SESSIONS_EXPERIMENT = 'chat-sessions';

/** [session, user, turns: [user message, assistant answer, ms, status]] */
// prettier-ignore
export const SESSIONS: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string, number, 'OK' | 'ERROR']>]> = [
  ['support-2291', 'alice', [
    ['Hi! My training run keeps failing.', 'Sorry to hear that. Which run, and what does the log say?', 840, 'OK'],
    ['Run 7f3a, it says CUDA out of memory.', 'Try a smaller batch_size, or enable gradient accumulation.', 1210, 'OK'],
    ['batch_size 16 worked, thanks!', 'Glad it helped. Anything else?', 430, 'OK'],
    ['No, that is all.', 'Have a good day!', 260, 'OK'],
  ]],
  ['onboarding-17', 'bob', [
    ['How do I log a model?', 'Call mlflow.sklearn.log_model(model, name="model").', 980, 'OK'],
    [`Say ${HOSTILE_SCRIPT} ${HOSTILE_IMG}`, `You said: ${HOSTILE_SCRIPT} ${HOSTILE_IMG}`, 510, 'OK'],
    ['And register it?', 'Pass registered_model_name= to log_model.', 1400, 'ERROR'],
  ]],
  ['billing-88', 'carol', [
    ['Where do I see my usage?', 'Open Settings, then Usage.', 620, 'OK'],
    ['Thanks', 'You are welcome.', 300, 'OK'],
  ]],
];

function completion(content: string, prompt: number, completionTokens: number) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'toy-gpt',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completionTokens,
      total_tokens: prompt + completionTokens,
    },
  };
}

export function seedSessions(db: Db): string {
  const experimentId = nextExperimentId(db);
  addExperiment(db, { id: experimentId, name: SESSIONS_EXPERIMENT, created: R + 500_000 });
  let n = 0;
  SESSIONS.forEach(([session, user, turns], s) => {
    let at = R + 600_000 + s * 3_600_000;
    turns.forEach(([message, answer, ms, status], turn) => {
      const { id, otel, root } = traceIds('sessions', n++);
      const prompt = 12 + message.length;
      const out =
        status === 'ERROR' ? undefined : completion(answer, prompt, answer.split(' ').length);
      const usage = out
        ? {
            input_tokens: out.usage.prompt_tokens,
            output_tokens: out.usage.completion_tokens,
            total_tokens: out.usage.total_tokens,
          }
        : null;
      // The 3.18 client sums the spans' `mlflow.chat.tokenUsage` into the trace's metadata.
      const tokens = usage ? JSON.stringify(usage).replace(/([,:])/g, '$1 ') : '';
      addTrace3(
        db,
        {
          id,
          experimentId,
          timestampMs: at,
          executionMs: ms,
          status,
          name: 'chat-turn',
          rootType: 'CHAT_MODEL',
          inputs: { message },
          outputs: out,
          rootAttributes: usage ? [['mlflow.chat.tokenUsage', usage]] : [],
          metadata: [
            ['mlflow.trace.session', session],
            ['mlflow.trace.user', user],
            ...(tokens ? ([['mlflow.trace.tokenUsage', tokens]] as const) : []),
          ],
          previews: out ? { response: answer } : undefined,
        },
        otel,
        root,
      );
      if (session === 'support-2291' && turn === 1)
        addAssessments(db, id, [
          { name: 'helpful', source: 'HUMAN', sourceId: user, feedback: true, after: 30_000 },
        ]);
      at += ms + 20_000 + turn * 7_000;
    });
  });
  return experimentId;
}
