/** Thrown by `at` when an index an invariant keeps in range is not: a bug, named, not a TypeError later. */
export class IndexOutOfRangeError extends RangeError {
  constructor(what: string, index: number, length: number) {
    super(`${what}: index ${index} out of range (length ${length})`);
    this.name = 'IndexOutOfRangeError';
  }
}

/**
 * `arr[i]` for an index the caller knows is in range (a tuple just built, a
 * position found a line above). Out of range throws IndexOutOfRangeError
 * naming `what`, instead of letting `undefined` travel on. Not for hot
 * inner loops: there, restructure the loop.
 */
export function at<T>(arr: ArrayLike<T>, i: number, what = 'at'): T {
  if (i < 0 || i >= arr.length || !Number.isInteger(i))
    throw new IndexOutOfRangeError(what, i, arr.length);
  return arr[i] as T;
}
