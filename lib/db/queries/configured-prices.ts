import { env } from "@/lib/env.ts";
import type { Prices } from "@/lib/domain/rightsizing-savings.ts";

// The prices right-sizing's money figures use, from the validated environment (see lib/env.ts).
export function configuredPrices(): Prices {
  const e = env();
  return { cpuCoreHour: e.UPTRUST_PRICE_CPU_CORE_HOUR, memoryGibHour: e.UPTRUST_PRICE_MEMORY_GIB_HOUR, currency: e.UPTRUST_PRICE_CURRENCY };
}
