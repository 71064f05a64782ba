import { useEffect, useRef, useState } from 'react';
import type { Span } from '../../../api';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import type { SpanTree } from '../model/tree';

export const MINIMAP_HEIGHT = 56;

/**
 * The whole trace at a glance: one thin line per span (pre-order top to
 * bottom, time left to right), drawn once on a canvas. Dragging selects the
 * time window the waterfall shows; dragging inside the window moves it.
 */
export function Minimap({
  tree,
  window: win,
  onWindow,
}: {
  tree: SpanTree;
  window: [number, number];
  onWindow: (w: [number, number]) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{
    mode: 'select' | 'move';
    from: number;
    start: [number, number];
  } | null>(null);
  const [preview, setPreview] = useState<[number, number] | null>(null);
  const total = Math.max(tree.totalNs, 1);

  // Drawn (10,000 bars) from the frame after the first paint: the span rows come first.
  const ready = useAfterFirstPaint();
  useEffect(() => {
    const c = canvas.current;
    const ctx = ready ? c?.getContext?.('2d') : null;
    if (!c || !ctx) return;
    const w = (c.width = c.clientWidth * (globalThis.devicePixelRatio || 1));
    const h = (c.height = MINIMAP_HEIGHT * (globalThis.devicePixelRatio || 1));
    ctx.clearRect(0, 0, w, h);
    const n = tree.spans.length;
    const lineH = Math.max(h / Math.max(n, 1), 1);
    const styles = getComputedStyle(c);
    const ok = styles.getPropertyValue('--accent').trim() || '#2f6fed';
    const err = styles.getPropertyValue('--danger').trim() || '#c62828';
    ctx.globalAlpha = 0.8;
    for (let pass = 0; pass < 2; pass++) {
      // Errors are drawn last so a red line is never hidden under blue ones.
      ctx.fillStyle = pass ? err : ok;
      for (let i = 0; i < n; i++) {
        const span = tree.spans[i] as Span; // i < n = spans.length = endNs.length
        if ((span.status === 'ERROR') !== (pass === 1)) continue;
        const x = ((span.startNs - tree.startNs) / total) * w;
        const bw = Math.max((((tree.endNs[i] as number) - span.startNs) / total) * w, 1);
        ctx.fillRect(x, (i / n) * h, bw, lineH);
      }
    }
  }, [tree, total, ready]);

  const toNs = (clientX: number) => {
    const r = canvas.current?.getBoundingClientRect();
    if (!r || r.width === 0) return 0;
    return tree.startNs + Math.min(Math.max((clientX - r.left) / r.width, 0), 1) * total;
  };
  const shown = preview ?? win;
  const pct = (ns: number) => ((ns - tree.startNs) / total) * 100;
  const zoomed = win[0] > tree.startNs || win[1] < tree.startNs + total;

  return (
    <div className="minimap">
      <canvas
        ref={canvas}
        style={{ height: MINIMAP_HEIGHT }}
        aria-label="Trace minimap: drag to choose the time window"
        role="img"
        onPointerDown={(e) => {
          const ns = toNs(e.clientX);
          e.currentTarget.setPointerCapture?.(e.pointerId);
          const inside = zoomed && ns >= win[0] && ns <= win[1];
          setDrag({ mode: inside ? 'move' : 'select', from: ns, start: win });
          setPreview(inside ? win : [ns, ns]);
        }}
        onPointerMove={(e) => {
          if (!drag) return;
          const ns = toNs(e.clientX);
          if (drag.mode === 'select')
            setPreview([Math.min(drag.from, ns), Math.max(drag.from, ns)]);
          else {
            const len = drag.start[1] - drag.start[0];
            const s = Math.min(
              Math.max(drag.start[0] + ns - drag.from, tree.startNs),
              tree.startNs + total - len,
            );
            setPreview([s, s + len]);
          }
        }}
        onPointerUp={() => {
          if (preview && preview[1] - preview[0] > total / 1000) onWindow(preview);
          setDrag(null);
          setPreview(null);
        }}
      />
      <div
        className="minimap-window"
        style={{ left: `${pct(shown[0])}%`, width: `${pct(shown[1]) - pct(shown[0])}%` }}
      />
      {zoomed ? (
        <button
          type="button"
          className="button small minimap-reset"
          onClick={() => onWindow([tree.startNs, tree.startNs + total])}
        >
          Reset zoom
        </button>
      ) : null}
    </div>
  );
}
