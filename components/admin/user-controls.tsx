"use client";

import { useState } from "react";
import type { Role } from "@/lib/auth/rules.ts";
import c from "../ui/controls.module.css";
import { useAdminRequest } from "./use-admin-request.ts";

const ROLES: readonly Role[] = ["viewer", "responder", "admin"];

/** The role an admin may change: pick one, then Change. */
export function RoleControl({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const request = useAdminRequest();
  const [choice, setChoice] = useState<Role>(role);
  return (
    <form
      style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ url: `/api/admin/users/${userId}`, method: "PATCH", body: { role: choice } });
      }}
    >
      <select className={c.field} aria-label={`Role of ${email}`} value={choice} onChange={(e) => setChoice(e.target.value as Role)}>
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      <button type="submit" className={c.action} disabled={request.isPending || choice === role}>Change role</button>
      {request.error ? <p className={c.error} role="alert" style={{ width: "100%" }}>{request.error.message}</p> : null}
    </form>
  );
}

/** Ends every live session of a person at once; their next request goes to sign-in with the reason. */
export function EndSessionsButton({ userId, email, live }: { userId: string; email: string; live: number }) {
  const request = useAdminRequest();
  return (
    <>
      <button
        type="button"
        className={c.action}
        aria-label={`End sessions of ${email}`}
        disabled={request.isPending || live === 0}
        onClick={() => request.mutate({ url: `/api/admin/users/${userId}/sessions/revoke`, method: "POST" })}
      >
        End sessions
      </button>
      {request.error ? <p className={c.error} role="alert">{request.error.message}</p> : null}
    </>
  );
}
