import type { Product } from '../../model';

/** " × 2", " 500 g", or nothing for one of a thing: as the list shows the amount. */
const amount = ({ quantity, unit }: Product) =>
  unit ? ` ${quantity} ${unit}` : quantity === 1 ? '' : ` × ${quantity}`;

/** The products still to buy as plain text anyone can read in a message, under the list's name. */
export function listAsText(title: string, toBuy: readonly Product[]): string {
  const lines = toBuy.map((p) => `- ${p.name}${amount(p)}${p.note ? ` (${p.note})` : ''}`);
  return [title, ...lines].join('\n');
}
