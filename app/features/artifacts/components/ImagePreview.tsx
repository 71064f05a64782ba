import { useState } from 'react';
import { baseName } from '../model/kind';
import { WithObjectUrl } from './WithObjectUrl';

const ZOOMS = [0.25, 0.5, 1, 2, 4, 8];

/**
 * Raster images and SVG, always through `<img>`: an SVG's scripts and event
 * handlers never run in an image context. Zoom: fit, or a fixed scale.
 */
export function ImagePreview({ runId, path, alt }: { runId: string; path: string; alt?: string }) {
  return (
    <WithObjectUrl runId={runId} path={path} loading="Loading image…">
      {(url) => <ZoomableImage url={url} path={path} alt={alt} />}
    </WithObjectUrl>
  );
}

function ZoomableImage({ url, path, alt }: { url: string; path: string; alt?: string }) {
  const [zoom, setZoom] = useState<number | null>(null); // null = fit
  const [broken, setBroken] = useState(false);
  if (broken)
    return (
      <div className="error-notice" role="alert">
        {baseName(path)} is not an image this browser can decode.
      </div>
    );
  const i = zoom === null ? -1 : ZOOMS.indexOf(zoom);
  return (
    <div>
      <div className="toolbar" role="group" aria-label="Zoom">
        <button
          type="button"
          className="button small"
          aria-pressed={zoom === null}
          onClick={() => setZoom(null)}
        >
          Fit
        </button>
        <button
          type="button"
          className="button small"
          aria-pressed={zoom === 1}
          onClick={() => setZoom(1)}
        >
          100%
        </button>
        <button
          type="button"
          className="button small"
          aria-label="Zoom out"
          disabled={i === 0}
          onClick={() => setZoom(ZOOMS[Math.max(0, (i < 0 ? 2 : i) - 1)] ?? null)}
        >
          −
        </button>
        <button
          type="button"
          className="button small"
          aria-label="Zoom in"
          disabled={i === ZOOMS.length - 1}
          onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, (i < 0 ? 2 : i) + 1)] ?? null)}
        >
          +
        </button>
        <span className="muted">{zoom === null ? 'fit' : `${zoom * 100}%`}</span>
      </div>
      <div className="image-frame">
        <img
          src={url}
          alt={alt ?? baseName(path)}
          className={zoom === null ? 'image-fit' : 'image-zoomed'}
          style={zoom === null ? undefined : { zoom }}
          onError={() => setBroken(true)}
        />
      </div>
    </div>
  );
}
