import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PoolDetail } from "@/components/capacity/pool-detail.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getCapacityPool } from "@/lib/db/queries/get-capacity-pool.ts";
import { parsePoolParams } from "./pool-params.ts";

// One node pool's capacity with the nodes and hours behind every figure. An address that cannot name
// a pool is a 404 like an unknown pool (never a database error).
export default async function CapacityPoolPage({ params }: { params: Promise<{ cluster: string; pool: string }> }) {
  await connection();
  const raw = await params;
  await gatePage(`/capacity/${raw.cluster}/${raw.pool}`);
  const parsed = parsePoolParams(raw);
  if (!parsed) notFound();
  const detail = await getCapacityPool(parsed.cluster, parsed.pool);
  if (!detail) notFound();
  return (
    <>
      <PoolDetail detail={detail} />
    </>
  );
}
