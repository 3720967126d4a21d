/** How the benchmark's figures are taken and printed: shared by bench.spec.ts and sync.ts. */

export interface Row {
  metric: string;
  value: string;
  baseline: string;
  ratio: string;
  budget: string;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
export const ms = (x: number, digits = 1) => `${x.toFixed(digits)} ms`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
