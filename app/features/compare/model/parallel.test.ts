import { describe, expect, it } from 'vitest';
import { axisPosition, brushFilter, buildAxis } from './parallel';

describe('parallel coordinates', () => {
  it('builds numeric and categorical axes', () => {
    const lr = buildAxis('lr', ['0.1', '0.01', '0.001']);
    expect(lr).toMatchObject({ kind: 'number', min: 0.001, max: 0.1 });
    expect(axisPosition(lr, '0.1')).toBe(1);
    const opt = buildAxis('optimizer', ['sgd', 'adam', undefined]);
    expect(opt.categories).toEqual(['adam', 'sgd']);
    expect(axisPosition(opt, 'sgd')).toBe(1);
    expect(axisPosition(opt, undefined)).toBeNull();
  });
  it('brushing keeps runs inside every brush', () => {
    const rows = [
      { id: 'a', values: { lr: 0.1, loss: 1 } },
      { id: 'b', values: { lr: 0.5, loss: 2 } },
      { id: 'c', values: { lr: 0.9, loss: 3 } },
    ];
    const axes = [buildAxis('lr', [0.1, 0.5, 0.9]), buildAxis('loss', [1, 2, 3])];
    expect([...brushFilter(rows, axes, {})]).toEqual(['a', 'b', 'c']);
    expect([...brushFilter(rows, axes, { lr: [0.4, 1] })]).toEqual(['b', 'c']);
    expect([...brushFilter(rows, axes, { lr: [0.4, 1], loss: [0, 0.6] })]).toEqual(['b']);
  });
});
