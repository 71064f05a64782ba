/** The height of the rows a virtualized table leaves out above or below the ones it renders. */
export function SpacerRow({ height }: { height: number }) {
  return height > 0 ? <tr aria-hidden="true" style={{ height }} /> : null;
}
