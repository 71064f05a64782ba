import { useRef } from 'react';
import { Spinner } from '../../../components/Spinner';
import { MINIMAP_HEIGHT } from './Minimap';
import { TimelineToolbar } from './TimelineToolbar';

const idle = () => undefined;

/**
 * The span timeline while its spans load: the toolbar greyed out, an empty
 * minimap and axis, and a loading line where the rows will be. Only the span
 * type filters are missing, on a line that does not wrap, so the rows open where
 * the loading line was, and the text is laid out before they come.
 */
export function TimelinePending() {
  const searchRef = useRef<HTMLInputElement>(null);
  return (
    <div className="timeline">
      <TimelineToolbar
        disabled
        searchRef={searchRef}
        text=""
        onText={idle}
        onSearchEnter={idle}
        mode="filter"
        onMode={idle}
        matchCount={null}
        types={[]}
        selectedTypes={[]}
        onToggleType={idle}
        errorsOnly={false}
        onErrorsOnly={idle}
        maxDepth={0}
        onCollapseAll={idle}
        onExpandAll={idle}
        onExpandToDepth={idle}
        onHelp={idle}
      />
      <div className="minimap" style={{ height: MINIMAP_HEIGHT + 2 }} aria-hidden="true" />
      <div className="timeline-axis" aria-hidden="true">
        <div className="span-label muted">Spans</div>
        <div className="span-bar-cell" />
      </div>
      <div className="timeline-rows timeline-pending">
        <Spinner label="Loading spans…" />
      </div>
    </div>
  );
}
