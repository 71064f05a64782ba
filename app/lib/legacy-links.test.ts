import { describe, expect, it } from 'vitest';
import { translateLegacyHash } from './legacy-links';

describe('translateLegacyHash', () => {
  it('maps run, trace, model and compare links', () => {
    expect(translateLegacyHash('#/experiments/1/runs/abc123')).toBe('/experiments/1/runs/abc123');
    expect(translateLegacyHash('#/experiments/1/runs/abc/artifactPath/model/MLmodel')).toBe(
      '/experiments/1/runs/abc?artifact=model%2FMLmodel',
    );
    expect(translateLegacyHash('#/experiments/1/traces')).toBe('/experiments/1/traces');
    expect(translateLegacyHash('#/experiments/5?compareRunsMode=TRACES')).toBe(
      '/experiments/5/traces',
    );
    expect(translateLegacyHash('#/models/iris-classifier/versions/2')).toBe(
      '/models/iris-classifier/versions/2',
    );
    expect(translateLegacyHash('#/models')).toBe('/models');
    expect(translateLegacyHash('#/compare-runs?runs=["a","b"]&experiments=["1"]')).toBe(
      '/compare?runs=a,b&experiments=1',
    );
    expect(translateLegacyHash('#/compare-experiments/s?experiments=["1","3"]')).toBe(
      '/experiments/1,3',
    );
  });
  it('ignores hashes that are not MLflow routes', () => {
    expect(translateLegacyHash('#section')).toBeNull();
    expect(translateLegacyHash('')).toBeNull();
    expect(translateLegacyHash('#/whatever')).toBeNull();
  });
});
