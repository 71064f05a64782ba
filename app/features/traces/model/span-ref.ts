import type { SpanTree } from './tree';
import { at } from '../../../lib/at';

/*
 * How the URL names the selected span (`?span=`). A span id names its span,
 * except when a trace repeats an id (a buggy exporter, a merged trace): then
 * the id names the span sent first, and the others are `<id>~2`, `<id>~3`, ...
 * in the order they are shown, so each of them can be selected and linked.
 */

const NTH = /^(.*)~([2-9]|[1-9]\d+)$/;

/** The URL's name for the span at pre-order index `i`. */
export function spanRefOf(tree: SpanTree, i: number): string {
  const id = at(tree.spans, i, 'span').spanId;
  const first = tree.indexById.get(id);
  if (first === undefined || first === i) return id;
  // Numbers that are some span's real id are skipped: `<id>~<k>` must name this span only.
  let k = 1;
  for (let j = 0; j <= i; j++) {
    if (j === first || tree.spans[j]?.spanId !== id) continue;
    do k++;
    while (tree.indexById.get(`${id}~${k}`) !== undefined);
  }
  return `${id}~${k}`;
}

/** The pre-order index of the span a URL names, or undefined. */
export function spanIndexOfRef(tree: SpanTree, ref: string): number | undefined {
  const exact = tree.indexById.get(ref);
  if (exact !== undefined) return exact;
  const m = NTH.exec(ref);
  if (!m) return undefined;
  const [, id = '', nth] = m;
  const first = tree.indexById.get(id);
  if (first === undefined) return undefined;
  const want = `${id}~${nth}`;
  for (let j = 0; j < tree.spans.length; j++) {
    if (j !== first && tree.spans[j]?.spanId === id && spanRefOf(tree, j) === want) return j;
  }
  return undefined;
}
