import type { RightsizingDetail, StrategyDetail } from "@/lib/views/rightsizing.ts";
import { moneyVerb, savingsText } from "@/lib/domain/savings-text.ts";
import { formatPrice } from "./format-money.ts";
import r from "./rightsizing.module.css";
import { plural } from "@/lib/domain/plural.ts";

// Savings from the requests, multiplied out in front of the reader, in the words the panel uses.
export function SavingsEvidence({ detail: { row }, prices }: { detail: StrategyDetail; prices: RightsizingDetail["prices"] }) {
  const { savingsPerReplica: per, savings: all, monthly, replicas } = row;
  const amounts = (s: typeof all) => savingsText({ ...s, monthly: null, currency: monthly.currency });
  // The verb carries the sign, so the factors are magnitudes.
  const abs = (v: number | null) => (v === null ? "–" : Math.abs(v));
  return (
    <p className={r.formula} data-testid="savings-evidence">
      <b>Savings</b>: per replica the suggestion {amounts(per)} of requests; × {plural(replicas, "replica")} it {amounts(all)}. A month:{" "}
      {abs(all.cpuCores)} cores × {formatPrice(prices.cpuCoreHour, prices.currency)}/core-hour × {prices.hoursPerMonth} h {moneyVerb(monthly.cpu, monthly.currency)}, plus{" "}
      {abs(all.memoryGiB)} GiB × {formatPrice(prices.memoryGibHour, prices.currency)}/GiB-hour × {prices.hoursPerMonth} h {moneyVerb(monthly.memory, monthly.currency)}: it{" "}
      <b>{moneyVerb(monthly.total, monthly.currency)}/month</b> (prices from UPTRUST_PRICE_CPU_CORE_HOUR and UPTRUST_PRICE_MEMORY_GIB_HOUR).
    </p>
  );
}
