import { describe, expect, it } from 'vitest';
import { assignSlots, rowsInDomOrder } from './row-slots';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const slotsOf = (m: Map<number, number>, indices: number[]) => indices.map((i) => m.get(i));

describe('assignSlots', () => {
  it('numbers a first window 0..n-1 in order', () => {
    const m = assignSlots(new Map(), range(10, 14));
    expect(slotsOf(m, range(10, 14))).toEqual([0, 1, 2, 3]);
  });

  it('keeps the slot of a row that stays, and gives the rows that enter the slots of those that left', () => {
    const first = assignSlots(new Map(), range(0, 5)); // 0..4 -> slots 0..4
    const next = assignSlots(first, range(3, 8)); // 0, 1, 2 left; 5, 6, 7 enter
    expect(slotsOf(next, [3, 4])).toEqual([3, 4]);
    expect(slotsOf(next, [5, 6, 7])).toEqual([0, 1, 2]);
    expect(new Set(next.values()).size).toBe(5);
  });

  it('uses as many slots as the window has rows when the window grows or shrinks', () => {
    const a = assignSlots(new Map(), range(0, 4));
    const grown = assignSlots(a, range(2, 9)); // 7 rows
    expect([...grown.values()].sort((x, y) => x - y)).toEqual(range(0, 7));
    const shrunk = assignSlots(grown, range(5, 8)); // 3 rows that kept their slots
    expect(slotsOf(shrunk, range(5, 8))).toEqual(slotsOf(grown, range(5, 8)));
    const regrown = assignSlots(shrunk, range(5, 11)); // 3 new rows take the lowest free numbers
    expect(new Set(regrown.values()).size).toBe(6);
    expect(Math.max(...regrown.values())).toBeLessThan(7);
  });

  it('gives a whole new window, after a jump, the slots of the old one', () => {
    const a = assignSlots(new Map(), range(0, 30));
    const b = assignSlots(a, range(5000, 5030));
    expect([...b.values()].sort((x, y) => x - y)).toEqual(range(0, 30));
  });

  it('is the same for the same window (a render done twice)', () => {
    const a = assignSlots(assignSlots(new Map(), range(0, 10)), range(4, 14));
    expect(assignSlots(a, range(4, 14))).toEqual(a);
  });
});

describe('assignSlots with a reserved (focused) slot', () => {
  it('never gives it to another row: when its row leaves, the slot is dropped', () => {
    const a = assignSlots(new Map(), range(0, 5)); // row 1 has slot 1
    const b = assignSlots(a, range(3, 8), 1); // rows 0, 1, 2 leave; 5, 6, 7 enter
    expect([...b.values()]).not.toContain(1);
    expect(new Set(b.values()).size).toBe(5);
  });

  it('keeps it with its row while the row stays', () => {
    const a = assignSlots(new Map(), range(0, 5));
    const b = assignSlots(a, range(1, 6), 3);
    expect(b.get(3)).toBe(3);
    expect(b.get(5)).toBe(0);
  });
});

describe('rowsInDomOrder', () => {
  const items = (indices: number[]) => indices.map((index) => ({ index }));
  const order = (list: readonly { index: number }[]) => list.map((r) => r.index);

  it('keeps window order while the list rests', () => {
    const first = assignSlots(new Map(), range(0, 5));
    const next = assignSlots(first, range(3, 8));
    expect(order(rowsInDomOrder(items(range(3, 8)), next, false))).toEqual([3, 4, 5, 6, 7]);
  });

  it('orders by slot while it scrolls, so the elements already in the DOM keep their places', () => {
    const first = assignSlots(new Map(), range(0, 5)); // slots 0..4 for rows 0..4
    const next = assignSlots(first, range(3, 8)); // rows 5, 6, 7 take slots 0, 1, 2
    const dom = rowsInDomOrder(items(range(3, 8)), next, true);
    expect(order(dom)).toEqual([5, 6, 7, 3, 4]);
    // the slot sequence is the one the DOM already had: no element moves
    expect(dom.map((r) => next.get(r.index))).toEqual([0, 1, 2, 3, 4]);
  });

  it('puts a row without a slot last and leaves the input alone', () => {
    const list = items([1, 2]);
    const dom = rowsInDomOrder(list, new Map([[2, 0]]), true);
    expect(order(dom)).toEqual([2, 1]);
    expect(order(list)).toEqual([1, 2]);
  });
});
