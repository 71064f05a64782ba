import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMlModel } from '../lib/mlmodel';
import { ModelCard } from './ModelCard';

const MLMODEL = [
  'flavors:',
  '  python_function: {loader_module: mlflow.sklearn}',
  '  sklearn: {sklearn_version: 1.2.1}',
  'saved_input_example_info: {artifact_path: input_example.json, type: dataframe}',
  'signature:',
  `  inputs: '[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type": "string", "name": "note", "required": false}]'`,
  `  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'`,
  `  params: '[{"name": "k", "type": "long", "default": 3, "shape": null}]'`,
].join('\n');

function model() {
  const r = parseMlModel(MLMODEL);
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

afterEach(cleanup);

describe('ModelCard', () => {
  it('shows flavors, signature tables with required, params, example table and requirements', () => {
    render(
      <ModelCard
        model={model()}
        inputExampleText='{"columns": ["sepal length (cm)", "note"], "data": [[5.1, "<b>x</b>"]]}'
        requirementsText={'mlflow==2.17.0\n# c\nscikit-learn==1.2.1\n'}
      />,
    );
    expect(screen.getByText('sklearn')).toBeInTheDocument();
    const inputs = screen.getByRole('table', { name: 'Inputs' });
    const rows = within(inputs).getAllByRole('row');
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['sepal length (cm)', 'double', 'yes']);
    expect(
      within(rows[2]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['note', 'string', 'no']);
    expect(
      within(screen.getByRole('table', { name: 'Outputs' })).getByText('tensor int64 [-1]'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Params' })).getByText('k'),
    ).toBeInTheDocument();
    // Server text stays text: no element is created from the example's "<b>".
    const example = screen.getByRole('table', { name: 'Input example' });
    expect(within(example).getByText('<b>x</b>')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Requirements' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['mlflow==2.17.0', 'scikit-learn==1.2.1']);
  });

  it('says when there is no signature and shows non-tabular examples as JSON', () => {
    const r = parseMlModel('flavors: {sklearn: {}}');
    if (!r.ok) throw new Error(r.error);
    render(<ModelCard model={r.model} inputExampleText='{"messages": [{"role": "user"}]}' />);
    expect(screen.getByText('This model was logged without a signature.')).toBeInTheDocument();
    expect(screen.getByText(/"role": "user"/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Requirements' })).toBeNull();
  });
});
