import type { RightsizingDetail, StrategyDetail } from "@/lib/db/queries/rightsizing-types.ts";
import { formatSavings } from "../format.ts";
import { formatMoney, formatPrice } from "./format-money.ts";
import r from "./rightsizing.module.css";

// Savings from the requests, multiplied out in front of the reader.
export function SavingsEvidence({ detail: { row }, prices }: { detail: StrategyDetail; prices: RightsizingDetail["prices"] }) {
  const { savingsPerReplica: per, savings: all, monthly, replicas } = row;
  return (
    <p className={r.formula}>
      <b>Savings</b> per replica {formatSavings(per.cpuCores, "cores")} and {formatSavings(per.memoryGiB, "GiB")} of requests, × {replicas} replica
      {replicas === 1 ? "" : "s"} = {formatSavings(all.cpuCores, "cores")} and {formatSavings(all.memoryGiB, "GiB")}. A month:{" "}
      {all.cpuCores ?? "–"} cores × {formatPrice(prices.cpuCoreHour, prices.currency)}/core-hour × {prices.hoursPerMonth} h = {formatMoney(monthly.cpu, monthly.currency)}, plus{" "}
      {all.memoryGiB ?? "–"} GiB × {formatPrice(prices.memoryGibHour, prices.currency)}/GiB-hour × {prices.hoursPerMonth} h = {formatMoney(monthly.memory, monthly.currency)}:{" "}
      <b>{formatMoney(monthly.total, monthly.currency)}/month</b> (prices from UPTRUST_PRICE_CPU_CORE_HOUR and UPTRUST_PRICE_MEMORY_GIB_HOUR).
    </p>
  );
}
