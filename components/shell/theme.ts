import { z } from "zod";

// The reader's theme: "system" follows the operating system's light or dark setting (prefers-color-scheme);
// the other two hold whatever the system says. Kept in a cookie so the server renders the chosen theme and
// the first paint never flashes the other one.
export const THEME_COOKIE = "uptrust-theme";
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const choiceSchema = z.enum(THEME_CHOICES);

/** A cookie's value as a choice; anything unknown (an old or edited cookie) falls back to the system setting. */
export function parseThemeChoice(value: string | undefined | null): ThemeChoice {
  const parsed = choiceSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

/** The data-theme attribute <html> carries: none for "system", so the CSS follows prefers-color-scheme. */
export function themeAttribute(choice: ThemeChoice): "light" | "dark" | undefined {
  return choice === "system" ? undefined : choice;
}

/** The Set-Cookie text the switch writes: a year, the whole site, never sent cross-site. */
export function themeCookie(choice: ThemeChoice): string {
  return `${THEME_COOKIE}=${choice}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax`;
}
