import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { runArtifactUrl, type Run } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { artifactListQueryOptions } from '../../../lib/shared-queries';
import { imageAtStep, parseStepImage, type StepImage } from '../model/images';

function StepImageCell({ runId, image }: { runId: string; image: StepImage | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!image) return <div className="muted">no image</div>;
  // 2.17 mangles step image names on proxied-artifact servers: show the failure here, keep the grid.
  if (failed === image.path)
    return <div className="error-notice">Image failed to load (step {image.step})</div>;
  return (
    <figure className="image-cell">
      <img
        src={runArtifactUrl(runId, image.path)}
        alt={`${image.key} at step ${image.step}`}
        loading="lazy"
        onError={() => setFailed(image.path)}
      />
      <figcaption className="muted">step {image.step}</figcaption>
    </figure>
  );
}

/** The same image key side by side across runs, with one step slider. */
export function ImageGrid({ runs }: { runs: Run[] }) {
  const listings = useQueries({
    queries: runs.map((r) => artifactListQueryOptions(r.info.id, 'images')),
  });
  const images = listings.map((q) =>
    (q.data?.files ?? []).map((f) => parseStepImage(f.path)).filter((x): x is StepImage => !!x),
  );
  const flat = images.flat();
  const keys = [...new Set(flat.map((i) => i.key))].sort();
  const steps = [...new Set(flat.map((i) => i.step))].sort((a, b) => a - b);
  const [key, setKey] = useState('');
  const [stepIdx, setStepIdx] = useState(Number.MAX_SAFE_INTEGER);
  const k = keys.includes(key) ? key : (keys[0] ?? '');
  const step = steps[Math.min(stepIdx, steps.length - 1)] ?? 0;
  const error = listings.find((q) => q.error)?.error;
  const loading = useMemo(() => listings.some((q) => q.isPending), [listings]);
  if (loading) return <div className="muted">Loading images…</div>;
  if (!keys.length) return <div className="empty">None of these runs logged step images.</div>;
  return (
    <div>
      {error ? <ErrorNotice error={error} title="Some image listings failed" /> : null}
      <div className="toolbar">
        <label className="field-inline">
          Image
          <select value={k} onChange={(e) => setKey(e.target.value)}>
            {keys.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          Step
          <input
            type="range"
            min={0}
            max={Math.max(0, steps.length - 1)}
            value={Math.min(stepIdx, steps.length - 1)}
            onChange={(e) => setStepIdx(Number(e.target.value))}
          />
          <output>{step}</output>
        </label>
      </div>
      <div className="image-grid">
        {runs.map((r, i) => (
          <div key={r.info.id} className="card">
            <strong>{r.info.name || r.info.id}</strong>
            <StepImageCell runId={r.info.id} image={imageAtStep(images[i] ?? [], k, step)} />
          </div>
        ))}
      </div>
    </div>
  );
}
