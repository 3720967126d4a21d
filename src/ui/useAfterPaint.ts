import { useEffect, useState } from 'react';
import { afterPaint } from './after-paint';

/**
 * False until the browser has painted what first rendered, then true: for what sits below the
 * list (Buy again, the quick picks), so the first rows do not wait for it at boot.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (painted ? undefined : afterPaint(() => setPainted(true))), [painted]);
  return painted;
}
