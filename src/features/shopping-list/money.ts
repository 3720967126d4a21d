/** An amount in the person's own number format; the currency is whatever they shop in. */
export const money = (amount: number) =>
  amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
