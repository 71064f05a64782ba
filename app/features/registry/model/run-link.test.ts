import { describe, expect, it } from 'vitest';
import { experimentIdFromSource } from './run-link';

describe('experimentIdFromSource', () => {
  const run = '3e3374d79f124f52be62a48e28e484fc';
  it('reads the experiment id from proxied and file sources', () => {
    expect(experimentIdFromSource(`mlflow-artifacts:/3/${run}/artifacts/model`, run)).toBe('3');
    expect(experimentIdFromSource(`file:///home/u/mlruns/12/${run}/artifacts/model`, run)).toBe(
      '12',
    );
  });
  it('gives null when the source does not say', () => {
    expect(experimentIdFromSource(`runs:/${run}/model`, run)).toBeNull();
    expect(experimentIdFromSource('s3://bucket/model', run)).toBeNull();
    expect(experimentIdFromSource(`mlflow-artifacts:/3/${run}/artifacts/model`, '')).toBeNull();
  });
});
