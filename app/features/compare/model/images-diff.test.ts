import { describe, expect, it } from 'vitest';
import { diffRows } from './diff';
import { imageAtStep, parseStepImage } from './images';

describe('step images', () => {
  it('parses 2.17 step image names', () => {
    expect(parseStepImage('images/sample#pred%step%20%timestamp%1700000000000%ab-cd.png')).toEqual({
      key: 'sample/pred',
      step: 20,
      timestamp: 1700000000000,
      path: 'images/sample#pred%step%20%timestamp%1700000000000%ab-cd.png',
    });
    expect(parseStepImage('plots/loss.png')).toBeNull();
  });
  it('picks the image at or before a step', () => {
    const ims = [0, 10, 20].map((s) => parseStepImage(`images/k%step%${s}%timestamp%1%u.png`)!);
    expect(imageAtStep(ims, 'k', 15)!.step).toBe(10);
    expect(imageAtStep(ims, 'k', 99)!.step).toBe(20);
    expect(imageAtStep(ims, 'other', 1)).toBeNull();
  });
});

describe('run diff', () => {
  it('marks rows that differ', () => {
    const rows = diffRows([
      { params: { lr: '0.1', bs: '32' }, metrics: { loss: { value: NaN } } },
      { params: { lr: '0.2', bs: '32' }, metrics: { loss: { value: 0.5 } } },
    ]);
    expect(rows.map((r) => [r.key, r.differs])).toEqual([
      ['bs', false],
      ['lr', true],
      ['loss', true],
    ]);
    expect(rows[2]?.values).toEqual(['NaN', '0.5']);
  });
});
