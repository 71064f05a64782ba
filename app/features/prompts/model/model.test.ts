import { describe, expect, it } from 'vitest';
import { diffLines, diffStats, foldUnchanged, type DiffItem, type DiffRow } from './diff';
import { promptText, templateParts, templateVariables } from './template';

const show = (rows: DiffRow[]) =>
  rows.map((r) => (r.kind === 'same' ? ' ' : r.kind === 'add' ? '+' : '-') + r.text).join('|');

/** Applying the diff to the old text gives the new one. */
function check(a: string, b: string) {
  const rows = diffLines(a, b);
  expect(
    rows
      .filter((r) => r.kind !== 'add')
      .map((r) => r.text)
      .join('\n'),
  ).toBe(a);
  expect(
    rows
      .filter((r) => r.kind !== 'del')
      .map((r) => r.text)
      .join('\n'),
  ).toBe(b);
  return rows;
}

describe('diffLines', () => {
  it('finds the changed lines between common ones', () => {
    expect(show(check('a\nb\nc', 'a\nx\nc'))).toBe(' a|-b|+x| c');
    expect(show(check('a\nb\nc\nd', 'b\nc\nd\ne'))).toBe('-a| b| c| d|+e');
    expect(show(check('', 'a'))).toBe('+a');
    expect(show(check('a\nb', ''))).toBe('-a|-b');
  });

  it('is a shortest edit on interleaved changes', () => {
    const rows = check('a\nb\nc\na\nb\nb\na', 'c\nb\na\nb\na\nc');
    expect(diffStats(rows).added + diffStats(rows).removed).toBe(5);
  });

  it('numbers lines on both sides', () => {
    const rows = diffLines('a\nb', 'z\na\nb');
    expect(rows[1]).toEqual({ kind: 'same', text: 'a', oldNo: 1, newNo: 2 });
  });

  it('diffs two 5,000-line versions exactly', () => {
    const old = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const next = [...old];
    next[10] = 'changed';
    next.splice(2500, 1);
    next.push('added');
    const rows = check(old.join('\n'), next.join('\n'));
    expect(diffStats(rows)).toEqual({ added: 2, removed: 2 });
  });

  it('shows a change too large to trace as removed then added', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n');
    expect(diffStats(check(a, b))).toEqual({ added: 3000, removed: 3000 });
  });
});

describe('templates', () => {
  it('cuts out variables', () => {
    expect(templateParts('Hi {{ name }}, <b>{{x}}</b>')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'var', name: 'name', text: '{{ name }}' },
      { kind: 'text', text: ', <b>' },
      { kind: 'var', name: 'x', text: '{{x}}' },
      { kind: 'text', text: '</b>' },
    ]);
    expect(templateVariables('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });
  it('reads chat prompts as one block per message', () => {
    expect(
      promptText({
        'mlflow.prompt.text': '[{"role":"system","content":"s"},{"role":"user","content":"{{q}}"}]',
        _mlflow_prompt_type: 'chat',
      }),
    ).toBe('system: s\n\nuser: {{q}}');
    expect(promptText({ 'mlflow.prompt.text': 'plain' })).toBe('plain');
  });
});

describe('foldUnchanged', () => {
  const lines = (n: number, p = 'l') => Array.from({ length: n }, (_, i) => `${p}${i}`);
  const shape = (items: DiffItem[]) =>
    items
      .map((x) => (x.kind === 'fold' ? `[${x.rows.length}]` : x.kind === 'same' ? '=' : x.kind))
      .join(' ');

  it('keeps three common lines around each change and folds the rest', () => {
    const a = lines(20);
    const b = [...a];
    b[10] = 'changed';
    const items = foldUnchanged(diffLines(a.join('\n'), b.join('\n')));
    expect(shape(items)).toBe('[7] = = = del add = = = [6]');
    // the fold hides exactly the rows it replaces, in order
    const fold = items[0] as Extract<DiffItem, { kind: 'fold' }>;
    expect(fold.rows.map((r) => r.text)).toEqual(lines(7));
    expect(fold.at).toBe(0);
  });

  it('does not fold a short common stretch, nor a diff without one', () => {
    const a = lines(12);
    const b = [...a];
    b[2] = 'x';
    b[9] = 'y';
    expect(shape(foldUnchanged(diffLines(a.join('\n'), b.join('\n'))))).toBe(
      '= = del add = = = = = = del add = =',
    );
    expect(foldUnchanged(diffLines('a', 'b')).map((x) => x.kind)).toEqual(['del', 'add']);
  });

  it('turns two 5,000-line versions with scattered edits into a few hundred rows', () => {
    const a = lines(5000);
    const b = a.map((l, i) => (i % 100 === 50 ? `${l} edited` : l));
    const rows = diffLines(a.join('\n'), b.join('\n'));
    const items = foldUnchanged(rows);
    expect(items.length).toBeLessThan(rows.length / 4);
    const unfolded = items.flatMap((x) => (x.kind === 'fold' ? x.rows : [x]));
    expect(unfolded).toEqual(rows);
  });
});
