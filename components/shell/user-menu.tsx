import { signOutOfUptrust } from "@/lib/auth/actions.ts";
import { currentUser } from "@/lib/auth/require-user.ts";
import { AdminNav } from "./admin/admin-nav.tsx";

// Who is signed in, with what role, and the way out; admins also get their pages' links.
export async function UserMenu() {
  const user = await currentUser();
  if (!user) return null;
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 12 }} aria-label="Signed-in user">
      {user.role === "admin" ? <AdminNav /> : null}
      <div style={{ textAlign: "right", lineHeight: 1.2 }}>
        <div data-testid="user-name">{user.name || user.email}</div>
        <div style={{ color: "var(--muted)", fontSize: 12 }}>
          <span data-testid="user-email">{user.email}</span> · <span data-testid="user-role">{user.role}</span>
        </div>
      </div>
      <form action={signOutOfUptrust}>
        <button
          type="submit"
          style={{ background: "transparent", color: "var(--text)", border: "1px solid var(--border)", borderRadius: 6, padding: "4px 10px", font: "inherit", cursor: "pointer" }}
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
