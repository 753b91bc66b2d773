import { gateRoute } from "@/lib/auth/gate.ts";
import { getServiceAxis } from "@/lib/db/queries/get-service-axis.ts";
import { serviceWindow, windowQuery } from "@/lib/domain/service-window.ts";
import { badQuery, findService, type ServiceContext } from "./params.ts";

export const dynamic = "force-dynamic";

// One workload's time axis over `from`/`to` (the six hours up to its cluster's newest report without them):
// what the service page reads when a person zooms or pans.
export async function GET(req: Request, ctx: ServiceContext) {
  const user = await gateRoute(req, "viewer");
  if (user instanceof Response) return user;
  const query = windowQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return badQuery(query.error);
  const target = await findService(ctx);
  if (target instanceof Response) return target;
  const axis = await getServiceAxis(target.ref, target.workload, serviceWindow(query.data, target.now), target.now);
  return Response.json(axis, { headers: { "cache-control": "no-store" } });
}
