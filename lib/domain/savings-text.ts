// Right-sizing savings in words, defined once for the panel, the detail page and anything exported.
// A signed "+0.25 cores" read as a cost; Uptrust says "saves" for what a suggestion gives back and
// "costs" for what it asks for on top (a raised request), each figure with its own verb.

export type SavingsFigures = { cpuCores: number | null; memoryGiB: number | null; monthly: number | null; currency: string };

function trim(n: number): string {
  const fixed = n.toFixed(2);
  return fixed.replace(/0+$/, "").replace(/\.$/, "");
}

// A formatter per currency and precision, made once: building an Intl.NumberFormat costs more than a
// hundred formats with it, and the cockpit words a few dozen amounts a render.
const formatters = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, digits: number): Intl.NumberFormat {
  const key = `${currency}:${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

/** An amount of money without sign: "$41.00", "€1,234". */
export function formatMoneyAmount(amount: number, currency: string): string {
  return moneyFormat(currency, Math.abs(amount) < 100 ? 2 : 0).format(Math.abs(amount));
}

// Below half a hundredth a figure rounds to nothing and is left out rather than printed as "saves 0".
const negligible = (v: number) => Math.abs(v) < 0.005;

/** "saves $12.30" / "costs $2.10": one amount with the verb its sign calls for. */
export function moneyVerb(amount: number | null, currency: string): string {
  if (amount === null) return "–";
  if (negligible(amount)) return formatMoneyAmount(0, currency);
  return `${amount > 0 ? "saves" : "costs"} ${formatMoneyAmount(amount, currency)}`;
}

// "saves 1.2 cores, 3.4 GiB, $41/month"; "costs 0.2 cores, $4.38/month"; a mixed suggestion names both:
// "saves 0.25 cores, $7.30/month; costs 0.5 GiB". Unknown figures (no request set) are left out.
export function savingsText(s: SavingsFigures): string {
  const parts: { value: number; text: string }[] = [];
  const cores = s.cpuCores === null ? "" : trim(Math.abs(s.cpuCores));
  if (s.cpuCores !== null) parts.push({ value: s.cpuCores, text: `${cores} ${cores === "1" ? "core" : "cores"}` });
  if (s.memoryGiB !== null) parts.push({ value: s.memoryGiB, text: `${trim(Math.abs(s.memoryGiB))} GiB` });
  if (s.monthly !== null) parts.push({ value: s.monthly, text: `${formatMoneyAmount(s.monthly, s.currency)}/month` });
  if (parts.length === 0) return "–";
  const saves = parts.filter((p) => !negligible(p.value) && p.value > 0).map((p) => p.text);
  const costs = parts.filter((p) => !negligible(p.value) && p.value < 0).map((p) => p.text);
  if (saves.length === 0 && costs.length === 0) return "changes nothing";
  return [saves.length ? `saves ${saves.join(", ")}` : null, costs.length ? `costs ${costs.join(", ")}` : null].filter(Boolean).join("; ");
}
