/**
 * MLflow 3 only: the prompt registry (`mlflow.genai.register_prompt`). A
 * prompt is a registered model tagged `mlflow.prompt.is_prompt = 'true'`; its
 * versions carry the template in `mlflow.prompt.text`, the commit message as
 * their description and `source: "dummy-source"` (as recorded from 3.18.0).
 * `qa-prompt` and `hostile-prompt` mirror the recording; `support-agent`
 * has a longer system prompt; `agent-playbook` has two versions of
 * `promptLines` lines each (RUNLENS_DEMO_PROMPT_LINES, 5,000 for the diff
 * benchmark).
 */
import type { WireKeyValue, WireModelVersion } from '../../app/api/wire';
import type { Db } from '../db';
import { kvs, type Pairs } from './build';
import { DEMO_NOW, demoIds } from './ids';
import { pyDumps } from './pyjson';
import { Rng } from './random';

const P = DEMO_NOW - 10 * 3600_000;

export const demoPrompts = {
  QA: 'qa-prompt',
  /** Its template holds `<script>` and `<img onerror>`. */
  HOSTILE: 'hostile-prompt',
  SUPPORT: 'support-agent',
  /** Two versions of `promptLines` lines each. */
  PLAYBOOK: 'agent-playbook',
} as const;

interface VersionSpec {
  template: string;
  message: string;
  tags?: Pairs;
}

const IS_PROMPT = 'mlflow.prompt.is_prompt';

function addPrompt(
  db: Db,
  name: string,
  at: number,
  versions: VersionSpec[],
  opts: { tags?: Pairs; aliases?: [string, string][]; experimentIds?: string[] } = {},
): void {
  const mvs: WireModelVersion[] = versions.map((v, i) => {
    const t = at + (i + 1) * 60_000;
    const tags: WireKeyValue[] = kvs([
      ...(v.tags ?? []),
      [IS_PROMPT, 'true'],
      ['_mlflow_prompt_type', 'text'],
      ['mlflow.prompt.text', v.template],
    ]);
    return {
      name,
      version: String(i + 1),
      creation_timestamp: t,
      last_updated_timestamp: t,
      current_stage: 'None',
      description: v.message,
      source: 'dummy-source',
      run_id: '',
      status: 'READY',
      tags,
      run_link: '',
    };
  });
  const last = mvs[mvs.length - 1]?.last_updated_timestamp ?? at;
  const exps = opts.experimentIds?.length ? `,${opts.experimentIds.join(',')},` : '';
  db.registeredModels.set(name, {
    model: {
      name,
      creation_timestamp: at,
      last_updated_timestamp: last,
      // register_prompt puts the first commit message on the prompt itself
      description: versions[0]?.message ?? '',
      tags: kvs([
        [IS_PROMPT, 'true'],
        ...(opts.tags ?? []),
        ...(exps ? ([['_mlflow_experiment_ids', exps]] as const) : []),
      ]),
    },
    aliases: new Map(opts.aliases ?? []),
  });
  db.modelVersions.set(name, mvs);
}

const SUPPORT_V1 = [
  'You are a support agent for {{product}}.',
  'Answer the customer in {{language}}.',
  '',
  'Rules:',
  '1. Be polite and brief.',
  '2. Never share internal ticket numbers.',
  '3. If you do not know, say so and offer to escalate.',
  '',
  'Customer message:',
  '{{message}}',
];
const SUPPORT_V2 = [
  'You are a friendly support agent for {{product}}.',
  'Answer the customer in {{language}}.',
  '',
  'Rules:',
  '1. Be polite and brief.',
  '2. Never share internal ticket numbers.',
  '3. Quote the relevant help article: {{article_url}}',
  '4. If you do not know, say so and offer to escalate.',
  '',
  'Customer message:',
  '{{message}}',
];
const SUPPORT_V3 = [
  ...SUPPORT_V2.slice(0, 8),
  '5. Sign as {{agent_name}}.',
  ...SUPPORT_V2.slice(8),
  '',
  'Previous turns:',
  '{{history}}',
];

const TOPICS = ['billing', 'shipping', 'returns', 'accounts', 'security', 'refunds', 'warranty'];
const VERBS = ['Check', 'Confirm', 'Ask for', 'Explain', 'Summarize', 'Escalate', 'Record'];
const OBJECTS = ['the order id', 'the {{customer_tier}} plan', 'the last invoice', 'the address'];

/** One line of the playbook: a section heading every 40 lines, else a numbered step. */
function playbookLine(i: number, rng: Rng): string {
  if (i % 40 === 0) return `## ${TOPICS[(i / 40) % TOPICS.length]} (part ${i / 40 + 1})`;
  const verb = VERBS[Math.floor(rng.next() * VERBS.length)];
  const obj = OBJECTS[Math.floor(rng.next() * OBJECTS.length)];
  return `${i % 40}. ${verb} ${obj} before answering {{question}}.`;
}

/**
 * Two versions of `lines` lines: the second rewords about one line in 60,
 * drops one in 150 and adds a line after one in 120, so the diff has a few
 * hundred scattered changes for 5,000 lines (a long prompt reworked by hand).
 */
export function playbookVersions(lines: number): [string, string] {
  const rng = new Rng('prompt/playbook');
  const a: string[] = [];
  for (let i = 0; i < lines; i++) a.push(playbookLine(i, rng));
  const b: string[] = [];
  for (const [i, line] of a.entries()) {
    const r = rng.next();
    if (i % 40 === 0 || r > 1 / 60 + 1 / 150) b.push(line);
    else if (r < 1 / 60) b.push(line.replace('before answering', 'then answer'));
    // else: dropped
    if (rng.next() < 1 / 120)
      b.push(`   Note: keep {{tone}} when the customer mentions ${TOPICS[i % 7]}.`);
  }
  // the same length as the first, so "N lines" means what the knob says
  while (b.length > lines) b.pop();
  while (b.length < lines) b.push(playbookLine(b.length, rng));
  return [a.join('\n'), b.join('\n')];
}

export function seedPrompts(db: Db, promptLines: number): void {
  const llm = demoIds.EXP_LLM;
  addPrompt(
    db,
    demoPrompts.QA,
    P,
    [
      {
        template: 'Answer the question: {{question}}',
        message: 'v1: initial',
        tags: [['team', 'qa']],
      },
      {
        template:
          'You are a helpful assistant.\nAnswer the question: {{question}}\nUse the context: {{context}}',
        message: 'v2: refine',
        tags: [['team', 'qa']],
      },
      {
        template:
          'You are a concise assistant.\nAnswer in one sentence: {{question}}\nContext: {{context}}',
        message: 'v3: refine',
        tags: [['team', 'qa']],
      },
    ],
    {
      tags: [['team', 'qa']],
      aliases: [
        ['production', '2'],
        ['staging', '3'],
      ],
      experimentIds: [llm],
    },
  );
  addPrompt(
    db,
    demoPrompts.HOSTILE,
    P + 3_600_000,
    [
      {
        template: 'Say <script>alert(1)</script> <img src=x onerror=alert(1)> to {{name}}',
        message: 'hostile <script>alert(1)</script>',
      },
    ],
    { experimentIds: [llm] },
  );
  addPrompt(
    db,
    demoPrompts.SUPPORT,
    P + 1_800_000,
    [
      { template: SUPPORT_V1.join('\n'), message: 'First draft' },
      { template: SUPPORT_V2.join('\n'), message: 'Cite the help article; friendlier tone' },
      { template: SUPPORT_V3.join('\n'), message: 'Sign-off and conversation history' },
    ],
    { tags: [['owner', 'support-team']], aliases: [['production', '3']], experimentIds: [llm] },
  );
  if (promptLines > 0) {
    const [v1, v2] = playbookVersions(promptLines);
    addPrompt(
      db,
      demoPrompts.PLAYBOOK,
      P + 2_400_000,
      [
        { template: v1, message: `Imported playbook (${promptLines} lines)` },
        { template: v2, message: 'Reworded steps after the Q3 review' },
      ],
      { tags: [['owner', 'support-team']] },
    );
  }
  // A run that loaded qa-prompt v2 (load_prompt inside a run tags it so).
  const agent = db.runs.get(demoIds.R_AGENT);
  agent?.tags.push({
    key: 'mlflow.linkedPrompts',
    value: pyDumps([{ name: demoPrompts.QA, version: '2' }]),
  });
}
