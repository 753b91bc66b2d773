import type { Metadata } from "next";
import { connection } from "next/server";
import { UsersTable } from "@/components/admin/users-table.tsx";
import { Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { rolesFollowProvider } from "@/lib/auth/record-sign-in.ts";
import { sessionLimits } from "@/lib/auth/session-store.ts";
import { listUsers } from "@/lib/db/admin/list-users.ts";
import { plural } from "@/lib/domain/plural.ts";

export const metadata: Metadata = { title: "Users · Admin · Uptrust" };

export default async function AdminUsersPage() {
  await connection();
  const admin = await gatePage("/admin/users", "admin");
  const limits = sessionLimits();
  const users = await listUsers(new Date(), limits.idleMinutes);
  const followProvider = rolesFollowProvider();
  return (
    <>
      <div className={s.page}>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>Users</h1>
        <p className={s.explain} data-testid="role-policy" style={{ maxWidth: 980, marginBottom: 12 }}>
          {followProvider
            ? "Roles follow your identity provider's groups (UPTRUST_ROLE_MAP) and are re-read at every sign-in and token refresh: change them at your provider or in the map."
            : "Roles are managed here: a new user starts as viewer, and a change holds from that person's next request."}{" "}
          People named in UPTRUST_ADMIN_EMAILS are always admins. Ending someone&apos;s sessions signs them out everywhere at their next request.
        </p>
        <Panel title="People who have signed in" aside={`${plural(users.length, "user")} · a session is live until signed out, ${limits.idleMinutes} minutes idle or ${limits.maxHours} hours old`}>
          <UsersTable users={users} selfId={admin.id} rolesFollowProvider={followProvider} />
        </Panel>
      </div>
    </>
  );
}
