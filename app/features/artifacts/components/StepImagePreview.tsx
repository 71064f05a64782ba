import { useMemo } from 'react';
import { groupStepImages, parseStepImage } from '../model/step-images';
import { ImagePreview } from './ImagePreview';

interface Props {
  runId: string;
  path: string;
  siblings: string[];
  onSelect: (path: string) => void;
}

/** An image logged with key/step: a slider moves through the steps of its key. */
export function StepImagePreview({ runId, path, siblings, onSelect }: Props) {
  const me = parseStepImage(path);
  const group = useMemo(
    () =>
      groupStepImages(siblings.includes(path) ? siblings : [...siblings, path]).find(
        (g) => g.key === me?.key,
      ),
    [siblings, path, me?.key],
  );
  // The thumbnail and the full image share a step: map either to its slot.
  const index = Math.max(
    0,
    group?.images.findIndex((g) => g.path === path || (g.step !== null && g.step === me?.step)) ??
      0,
  );
  const current = group?.images[index];
  if (!me || !group || !current) return <ImagePreview runId={runId} path={path} />;
  const key = me.key.slice(me.key.lastIndexOf('/') + 1);
  const label = (s: number | null) => (s === null ? 'unknown step' : `step ${s}`);
  return (
    <div>
      <div className="toolbar">
        <label htmlFor="step-slider">
          Step for <strong>{key}</strong>
        </label>
        <input
          id="step-slider"
          type="range"
          min={0}
          max={group.images.length - 1}
          value={index}
          aria-valuetext={label(current.step)}
          onChange={(e) => {
            const picked = group.images[Number(e.target.value)];
            if (picked) onSelect(picked.path);
          }}
        />
        <output aria-live="polite">
          {label(current.step)} ({index + 1} of {group.images.length})
        </output>
      </div>
      <ImagePreview
        key={current.path}
        runId={runId}
        path={current.path}
        alt={`${key} at ${label(current.step)}`}
      />
    </div>
  );
}
