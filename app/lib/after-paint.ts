/**
 * Resolves once the browser has painted the frame being prepared now: a
 * requestAnimationFrame callback runs just before that paint, and a task queued
 * from it runs just after. A chunk imported only then (the markdown parser, say)
 * is evaluated after the page's first content is on screen, not before it.
 * Without requestAnimationFrame (tests, hidden documents), it waits one task.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden')
      requestAnimationFrame(later);
    else later();
  });
}
