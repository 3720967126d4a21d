/**
 * Runs `work` once the browser has painted what was just rendered: in a task queued from the
 * next frame's callback, so after that frame's paint rather than before it. Returns a cancel.
 */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
