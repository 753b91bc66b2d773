import { currentUser, type SessionUser } from "./require-user.ts";

// Route handlers that change what Uptrust watches or how it judges it: responders and admins only.
// Returns the user, or the response that explains why the request was refused.
export async function requireEditor(): Promise<SessionUser | Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "sign in required" }, { status: 401 });
  if (user.role !== "responder" && user.role !== "admin") {
    return Response.json({ error: `your role is ${user.role}; defining SLOs needs responder or admin (an admin can promote you)` }, { status: 403 });
  }
  return user;
}
