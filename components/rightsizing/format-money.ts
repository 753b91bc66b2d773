// Money a month, signed like savings: + is given back, − is what the container needs on top.
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return "–";
  const digits = Math.abs(amount) < 100 ? 2 : 0;
  const abs = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(amount));
  if (Math.abs(amount) < 0.005) return abs;
  return `${amount > 0 ? "+" : "−"}${abs}`;
}

export function formatPrice(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumSignificantDigits: 6 }).format(amount);
}
