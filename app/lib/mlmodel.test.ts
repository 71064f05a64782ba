import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fieldName,
  fieldType,
  inputExampleTable,
  parseMlModel,
  parseRequirements,
  type MlModel,
} from './mlmodel';

/** Recorded exchanges from a real MLflow 2.17 server (ground truth). */
function recordedText(file: string): string {
  // A plain path (not `new URL(..., import.meta.url)`, which Vite turns into an asset import).
  const path = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../mocks/recordings/mlflow-2.17.0/exchanges',
    file,
  );
  const ex = JSON.parse(readFileSync(path, 'utf8')) as { response: { text: string } };
  return ex.response.text;
}

function parsed(text: string): MlModel {
  const r = parseMlModel(text);
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

describe('parseMlModel on recordings', () => {
  for (const file of ['get_artifact_mlmodel.json', 'model_versions_get_artifact_mlmodel.json']) {
    it(`reads flavors, signature and metadata from ${file}`, () => {
      const m = parsed(recordedText(file));
      expect(m.flavors.map((f) => f.name)).toEqual(['python_function', 'sklearn']);
      expect(m.flavors[1]!.details.sklearn_version).toBe('1.2.1');
      expect(m.runId).toBe('3e3374d79f124f52be62a48e28e484fc');
      expect(m.modelUuid).toBe('3b673ffb23434897b2dce7f3b3d9c7a8');
      expect(m.mlflowVersion).toBe('2.17.0');
      expect(m.utcTimeCreated).toBe('2026-11-27 19:40:08.187945');
      expect(m.modelSizeBytes).toBe(1548);
      expect(m.signatureError).toBeNull();
      const sig = m.signature!;
      expect(sig.inputs.map((c, i) => fieldName(c, i))).toEqual([
        'sepal length (cm)',
        'sepal width (cm)',
        'petal length (cm)',
        'petal width (cm)',
      ]);
      expect(
        sig.inputs.every((c) => c.kind === 'column' && c.type === 'double' && c.required),
      ).toBe(true);
      expect(sig.outputs).toEqual([
        { kind: 'tensor', name: null, dtype: 'int64', shape: [-1], required: true },
      ]);
      expect(fieldType(sig.outputs[0]!)).toBe('tensor int64 [-1]');
      expect(sig.params).toEqual([]);
      expect(m.inputExample).toEqual({
        path: 'input_example.json',
        type: 'dataframe',
        pandasOrient: 'split',
        servingInputPath: 'serving_input_example.json',
      });
    });
  }
});

describe('parseMlModel on other shapes', () => {
  it('reads params, optional columns and compound types', () => {
    const text = [
      'flavors: {python_function: {loader_module: x}}',
      'signature:',
      `  inputs: '[{"type": "string", "name": "q", "required": false}, {"type": "array", "items": {"type": "string"}, "name": "ctx"}]'`,
      `  outputs: '[{"type": "string"}]'`,
      `  params: '[{"name": "temperature", "type": "float", "default": 0.5, "shape": null}]'`,
    ].join('\n');
    const sig = parsed(text).signature!;
    expect(sig.inputs[0]).toEqual({ kind: 'column', name: 'q', type: 'string', required: false });
    expect(fieldType(sig.inputs[1]!)).toBe('array<string>');
    expect(fieldName(sig.outputs[0]!, 0)).toBe('#0');
    expect(sig.params).toEqual([
      { name: 'temperature', type: 'float', defaultValue: '0.5', shape: null },
    ]);
  });

  it('has no signature when none was logged', () => {
    const m = parsed('flavors:\n  sklearn: {}\nrun_id: abc\n');
    expect(m.signature).toBeNull();
    expect(m.signatureError).toBeNull();
    expect(m.inputExample).toBeNull();
  });

  it('keeps the rest of the file when the signature JSON is broken', () => {
    const m = parsed(`run_id: r1\nflavors: {sklearn: {}}\nsignature:\n  inputs: '[{"type": '\n`);
    expect(m.signature).toBeNull();
    expect(m.signatureError).toMatch(/inputs is not valid JSON/);
    expect(m.runId).toBe('r1');
  });

  it('rejects garbage with a clear error', () => {
    const bad = parseMlModel('flavors: [unclosed\n  : : :');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/not valid YAML/);
    const scalar = parseMlModel('<html>500</html>');
    expect(scalar).toEqual({ ok: false, error: expect.stringMatching(/not a YAML mapping/) });
    expect(parseMlModel('').ok).toBe(false);
  });
});

describe('parseRequirements', () => {
  it('drops comments, blanks and pip options', () => {
    expect(
      parseRequirements('mlflow==2.17.0\n# pinned\n\n-r other.txt\nscikit-learn==1.2.1  # sk\n'),
    ).toEqual(['mlflow==2.17.0', 'scikit-learn==1.2.1']);
  });
});

describe('inputExampleTable', () => {
  it('reads pandas split orient (the recorded iris example)', () => {
    const t = inputExampleTable({
      columns: ['a', 'b'],
      data: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(t).toEqual({
      columns: ['a', 'b'],
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
  });
  it('reads serving dataframe_split and records', () => {
    expect(inputExampleTable({ dataframe_split: { columns: ['x'], data: [[1]] } })?.rows).toEqual([
      [1],
    ]);
    expect(inputExampleTable([{ x: 1 }, { y: 2 }])).toEqual({
      columns: ['x', 'y'],
      rows: [
        [1, undefined],
        [undefined, 2],
      ],
    });
  });
  it('gives null for non-tabular examples', () => {
    expect(inputExampleTable('hello')).toBeNull();
    expect(inputExampleTable({ messages: [{ role: 'user' }] })).toBeNull();
  });
});
