// Prices as configured, to six significant digits: "$0.0316" a core-hour.
export function formatPrice(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumSignificantDigits: 6 }).format(amount);
}
