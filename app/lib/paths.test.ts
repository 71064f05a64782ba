import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  comparePath,
  experimentPath,
  modelComparePath,
  modelVersionPath,
  runPath,
  tracePath,
  tracesPath,
} from './paths';

describe('paths', () => {
  it('builds each route, percent-encoding every part', () => {
    expect(experimentPath('1')).toBe('/experiments/1');
    expect(experimentPath(['1', '3'])).toBe('/experiments/1,3');
    expect(runPath({ experimentId: '1', runId: 'a b' })).toBe('/experiments/1/runs/a%20b');
    expect(runPath({ experimentId: '1', runId: 'r', artifact: 'model/MLmodel' })).toBe(
      '/experiments/1/runs/r?artifact=model%2FMLmodel',
    );
    expect(tracesPath('2')).toBe('/experiments/2/traces');
    expect(tracePath({ experimentId: '2', requestId: 'tr-1' })).toBe('/experiments/2/traces/tr-1');
    expect(modelVersionPath({ name: 'a/b c', version: '2' })).toBe('/models/a%2Fb%20c/versions/2');
    expect(modelComparePath({ name: 'm', versions: ['1', '3'] })).toBe(
      '/models/m/compare?versions=1,3',
    );
    expect(comparePath({ runIds: ['a', 'b'], experimentIds: ['1'], view: 'charts' })).toBe(
      '/compare?runs=a,b&experiments=1&view=charts',
    );
    expect(comparePath({ runIds: ['x,y'] })).toBe('/compare?runs=x%2Cy');
  });

  it('is the only place route paths are written', () => {
    const app = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (
          /\.tsx?$/.test(e.name) &&
          !/\.test\.tsx?$/.test(e.name) &&
          p !== path.join(app, 'lib', 'paths.ts')
        ) {
          // comments may quote a path; code may not build one
          const text = fs
            .readFileSync(p, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/^\s*\/\/.*$/gm, '');
          if (/[`'"]\/(experiments|models|compare)\b[^`'"]*(\$\{|[`'"])/.test(text))
            offenders.push(path.relative(app, p));
        }
      }
    };
    walk(app);
    expect(offenders).toEqual([]);
  });
});
