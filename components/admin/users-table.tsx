import { formatUtc } from "@/components/format.ts";
import type { AdminUser } from "@/lib/auth/admin-views.ts";
import { roleReadOnlyReason } from "@/lib/auth/role-change-rules.ts";
import { Badge } from "../ui/badge.tsx";
import s from "../ui/styles.module.css";
import { EndSessionsButton, RoleControl } from "./user-controls.tsx";

const SOURCES: Record<string, string> = {
  mapping: "from the provider's groups through UPTRUST_ROLE_MAP, re-read at every sign-in",
  config: "named in UPTRUST_ADMIN_EMAILS",
  admin: "set by an admin here",
  default: "new user: viewer until someone changes it",
};

// Everyone who has signed in, with where their role comes from; controls only where a change would hold.
export function UsersTable({ users, selfId, rolesFollowProvider }: { users: AdminUser[]; selfId: string; rolesFollowProvider: boolean }) {
  return (
    <table className={s.table}>
      <thead>
        <tr>
          <th>user</th><th>role</th><th>role from</th><th>groups</th><th>last sign-in (UTC)</th><th className={s.right}>live sessions</th><th />
        </tr>
      </thead>
      <tbody>
        {users.map((u) => {
          const readOnly = roleReadOnlyReason(u.roleSource, rolesFollowProvider);
          return (
            <tr key={u.id} data-testid="user-row" data-email={u.email}>
              <td>
                <div>{u.name ?? u.email}{u.id === selfId ? <span className={s.muted}> (you)</span> : null}</div>
                <div className={s.muted}>{u.email}</div>
              </td>
              <td data-testid="user-role-cell">
                {readOnly ? (
                  <>
                    <Badge tone={u.role === "admin" ? "info" : "neutral"}>{u.role}</Badge>
                    <div className={s.muted} data-testid="role-read-only">read-only: {readOnly}</div>
                  </>
                ) : (
                  <RoleControl userId={u.id} email={u.email} role={u.role} />
                )}
              </td>
              <td data-testid="role-source" title={SOURCES[u.roleSource]}>{u.roleSource}</td>
              <td data-testid="user-groups" className={s.mono}>{u.groups.length ? u.groups.join(", ") : <span className={s.muted}>none</span>}</td>
              <td className={s.num}>{u.lastLoginAt ? formatUtc(u.lastLoginAt).replace(/ UTC$/, "") : "never"}</td>
              <td className={`${s.right} ${s.num}`} data-testid="live-sessions">{u.liveSessions}</td>
              <td className={s.right}><EndSessionsButton userId={u.id} email={u.email} live={u.liveSessions} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
