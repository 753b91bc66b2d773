"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { SHORTCUTS } from "./keymap.ts";
import s from "./shell.module.css";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

// The list of shortcuts as a modal dialog: focus moves in, Tab stays inside, Escape or Close ends it and
// focus returns to where it was.
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => before?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return createPortal(
    <div className={s.backdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className={s.dialog} onKeyDown={onKeyDown}>
        <div className={s.dialogHead}>
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className={s.button} onClick={onClose}>Close</button>
        </div>
        <dl className={s.keys}>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.keys.join(" ")} style={{ display: "contents" }}>
              <dt>
                {shortcut.keys.map((k, i) => (
                  <span key={i}>{i > 0 ? " then " : null}<kbd>{k}</kbd></span>
                ))}
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <p className={s.note}>Shortcuts are off while you type in a field. Escape closes this list.</p>
      </div>
    </div>,
    document.body,
  );
}
