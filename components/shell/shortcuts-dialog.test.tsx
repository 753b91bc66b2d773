import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SHORTCUTS } from "./keymap.ts";
import { ShortcutsDialog } from "./shortcuts-dialog.tsx";

afterEach(cleanup);

// A page with something focused before the dialog opens, to see focus come back to it.
function Harness({ onClose = () => {} }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Shortcuts</button>
      {open ? <ShortcutsDialog onClose={() => { onClose(); setOpen(false); }} /> : null}
    </>
  );
}

async function openDialog() {
  const opener = screen.getByRole("button", { name: "Shortcuts" });
  await userEvent.click(opener);
  return { opener, dialog: screen.getByRole("dialog", { name: "Keyboard shortcuts" }) };
}

describe("the keyboard shortcuts dialog", () => {
  it("lists every shortcut with what it does", async () => {
    render(<Harness />);
    const { dialog } = await openDialog();
    for (const shortcut of SHORTCUTS) expect(dialog.textContent).toContain(shortcut.description);
    expect(dialog.getAttribute("aria-modal")).toBe("true");
  });

  it("takes focus when it opens and keeps Tab and Shift+Tab inside", async () => {
    render(<Harness />);
    const { dialog } = await openDialog();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close" }));
    await userEvent.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it("closes on Escape and gives focus back to what had it", async () => {
    const onClose = vi.fn();
    render(<Harness onClose={onClose} />);
    const { opener } = await openDialog();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("closes with its Close button", async () => {
    render(<Harness />);
    await openDialog();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
