import type { Product } from '../../model';

/** The products still to buy as plain text anyone can read in a message, under the list's name. */
export function listAsText(title: string, toBuy: readonly Product[]): string {
  const lines = toBuy.map((p) => `- ${p.name}${p.quantity === 1 ? '' : ` × ${p.quantity}`}`);
  return [title, ...lines].join('\n');
}
