import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import { parseRoleChange } from "@/lib/auth/admin-requests.ts";
import { refuseRoleChange } from "@/lib/auth/role-change-rules.ts";
import { apiServer, type Answer } from "../testing/api-server.ts";
import { renderWithClient } from "../testing/render-with-client.tsx";
import { EndSessionsButton, RoleControl } from "./user-controls.tsx";

// Admin → Users as an admin meets it. The server answers with the route's own parsing and the same refusal
// rule the database transaction applies; here the only admin is the person being changed.
const ONLY_ADMIN = { id: "u-1", email: "demo@uptrust.dev", role: "admin" as const, roleSource: "admin" };

const { received } = apiServer({
  "PATCH /api/admin/users/u-1": ({ body }): Answer => {
    const parsed = parseRoleChange(JSON.parse(body));
    if (!parsed.ok) return { status: 400, json: { error: parsed.error } };
    const refusal = refuseRoleChange({ target: ONLY_ADMIN, to: parsed.value.role, actorId: "u-2", otherAdmins: 0, mapConfigured: false });
    return refusal ? { status: 409, json: { error: refusal } } : { status: 200, json: { ok: true, changed: true } };
  },
  "POST /api/admin/users/u-3/sessions/revoke": (): Answer => ({ status: 200, json: { ok: true, ended: 2 } }),
});

// The page is server-rendered: after a change it is refreshed to show the result.
function withRouter(ui: React.ReactElement) {
  const refreshed: number[] = [];
  const router = { refresh: () => refreshed.push(Date.now()), push() {}, replace() {}, back() {}, forward() {}, prefetch() {} } as unknown as AppRouterInstance; // the methods a page uses
  renderWithClient(<AppRouterContext.Provider value={router}>{ui}</AppRouterContext.Provider>);
  return refreshed;
}

describe("changing a role", () => {
  it("offers Change role only once another role is picked", async () => {
    withRouter(<RoleControl userId="u-1" email="demo@uptrust.dev" role="admin" />);
    const change = screen.getByRole("button", { name: "Change role" });
    expect((change as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText("Role of demo@uptrust.dev"), "viewer");
    expect((change as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows why the last admin cannot be demoted, and leaves the page as it was", async () => {
    const refreshed = withRouter(<RoleControl userId="u-1" email="demo@uptrust.dev" role="admin" />);
    await userEvent.selectOptions(screen.getByLabelText("Role of demo@uptrust.dev"), "viewer");
    await userEvent.click(screen.getByRole("button", { name: "Change role" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(refuseRoleChange({ target: ONLY_ADMIN, to: "viewer", actorId: "u-2", otherAdmins: 0, mapConfigured: false }));
    expect(JSON.parse(received[0]!.body)).toEqual({ role: "viewer" });
    expect(refreshed).toHaveLength(0);
  });
});

describe("ending someone's sessions", () => {
  it("is one click, and the page is read again to show none left", async () => {
    const refreshed = withRouter(<EndSessionsButton userId="u-3" email="responder@uptrust.dev" live={2} />);
    await userEvent.click(screen.getByRole("button", { name: "End sessions of responder@uptrust.dev" }));
    await act(async () => {
      while (refreshed.length === 0) await new Promise((r) => setTimeout(r, 10));
    });
    expect(received.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/admin/users/u-3/sessions/revoke"]);
  });

  it("cannot be pressed for someone with no live session", () => {
    withRouter(<EndSessionsButton userId="u-3" email="responder@uptrust.dev" live={0} />);
    expect((screen.getByRole("button", { name: "End sessions of responder@uptrust.dev" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
