import { z } from "zod";
import { gateRoute } from "@/lib/auth/gate.ts";
import { getServiceLogView } from "@/lib/db/queries/get-service-log-view.ts";
import { badQuery, findService, type ServiceContext } from "../params.ts";

export const dynamic = "force-dynamic";

const minutes = (key: string) => z.coerce.number({ error: `${key} must be a number of minutes` }).int(`${key} must be whole minutes`).min(0).max(60, `${key} may be at most 60 minutes`).optional();
const query = z.object({
  at: z.iso.datetime({ offset: true, error: "at must be a UTC time such as 2026-12-06T09:30:00Z" }).transform((s) => Date.parse(s)),
  before: minutes("before"),
  after: minutes("after"),
});

// The workload's container logs around one moment (`at`), from `before` minutes earlier to `after` later.
export async function GET(req: Request, ctx: ServiceContext) {
  const user = await gateRoute(req, "viewer");
  if (user instanceof Response) return user;
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return badQuery(parsed.error);
  const target = await findService(ctx);
  if (target instanceof Response) return target;
  const logs = await getServiceLogView(target.ref, target.workload, parsed.data.at, parsed.data.before, parsed.data.after);
  return Response.json(logs, { headers: { "cache-control": "no-store" } });
}
