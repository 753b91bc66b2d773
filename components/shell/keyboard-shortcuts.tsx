"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { IDLE, isTypingTarget, pressKey, SEARCH_SELECTOR, type KeyState, type ShortcutAction } from "./keymap.ts";
import s from "./shell.module.css";
import { ShortcutsDialog } from "./shortcuts-dialog.tsx";

// Listens for the shortcuts in keymap.ts on every page, and offers their list behind a button for anyone
// who has not met `?` yet.
export function KeyboardShortcuts() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const state = useRef<KeyState>(IDLE);
  useEffect(() => {
    const run = (action: ShortcutAction): boolean => {
      if (action.kind === "help") {
        setOpen(true);
        return true;
      }
      if (action.kind === "go") {
        router.push(action.href);
        return true;
      }
      const search = document.querySelector<HTMLElement>(SEARCH_SELECTOR);
      search?.focus();
      return search !== null;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target as HTMLElement | null)) return;
      // While the dialog is open its own keys (Tab, Escape) are the only ones that count.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const result = pressKey(state.current, e, Date.now());
      state.current = result.state;
      if (result.action && run(result.action)) e.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router]);
  return (
    <>
      {/* The key itself is the label, so the header keeps every section on one line. */}
      <button type="button" className={s.button} onClick={() => setOpen(true)} aria-haspopup="dialog" aria-keyshortcuts="?"
        aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        <kbd className={s.kbd}>?</kbd>
      </button>
      {open ? <ShortcutsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
