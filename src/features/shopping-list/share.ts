import type { Product } from '../../model';

/** The products still to buy as plain text anyone can read in a message. */
export function listAsText(toBuy: readonly Product[]): string {
  const lines = toBuy.map((p) => `- ${p.name}${p.quantity === 1 ? '' : ` × ${p.quantity}`}`);
  return ['Shopping list', ...lines].join('\n');
}
