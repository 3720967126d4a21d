import { useEffect, useState } from 'react';

/**
 * False until the browser has painted what first rendered, then true: for what sits below the
 * list (Buy again, the quick picks), so the first rows do not wait for it at boot.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // After the frame's paint, not before it: a task queued from the frame callback.
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
