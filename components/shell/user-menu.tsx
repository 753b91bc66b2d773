import { signOutOfUptrust } from "@/lib/auth/actions.ts";
import type { SessionUser } from "@/lib/auth/require-user.ts";
import s from "./shell.module.css";

// Who is signed in, with what role, and the way out.
export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className={s.user} role="group" aria-label="Signed-in user">
      <div className={s.userText}>
        <div data-testid="user-name">{user.name || user.email}</div>
        <div className={s.userDetail}>
          <span data-testid="user-email">{user.email}</span> · <span data-testid="user-role">{user.role}</span>
        </div>
      </div>
      {/* data-signs-out: live views stop sending the page to sign-in while it leaves (components/api/activity.ts). */}
      <form action={signOutOfUptrust} data-signs-out>
        <button type="submit" className={s.button}>Sign out</button>
      </form>
    </div>
  );
}
