"use client";

import { useState } from "react";
import s from "./shell.module.css";
import { THEME_CHOICES, themeAttribute, themeCookie, type ThemeChoice } from "./theme.ts";

const LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

// Applied at once on <html>, and remembered for the server's next render.
function applyTheme(choice: ThemeChoice) {
  const attribute = themeAttribute(choice);
  if (attribute) document.documentElement.dataset.theme = attribute;
  else delete document.documentElement.dataset.theme;
  document.cookie = themeCookie(choice);
}

// System, light or dark: applied at once on <html> and remembered in a cookie the layout reads next time.
export function ThemeSwitch({ initial }: { initial: ThemeChoice }) {
  const [choice, setChoice] = useState<ThemeChoice>(initial);
  const choose = (next: ThemeChoice) => {
    setChoice(next);
    applyTheme(next);
  };
  return (
    <div role="group" aria-label="Theme" className={s.segmented} data-testid="theme-switch">
      {THEME_CHOICES.map((c) => (
        <button key={c} type="button" aria-pressed={choice === c} onClick={() => choose(c)}>
          {LABELS[c]}
        </button>
      ))}
    </div>
  );
}
