import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

// The frame every page shares: skip link, site header with its navigation, theme switch and shortcuts.

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Sets the remembered theme the way the switch does, so the server renders the page in it. */
export async function rememberTheme(context: BrowserContext, baseURL: string, theme: Theme) {
  await context.addCookies([{ name: "uptrust-theme", value: theme, url: baseURL }]);
}

export class SiteShell {
  constructor(readonly page: Page) {}

  mainNav(): Locator {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  themeButton(name: "System" | "Light" | "Dark"): Locator {
    return this.page.getByRole("group", { name: "Theme" }).getByRole("button", { name });
  }

  shortcutsDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Keyboard shortcuts" });
  }

  /** Describes the focused element: its tag, accessible text, and whether it sits inside an <svg>. */
  async focused(): Promise<{ tag: string; text: string; inSvg: boolean; id: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { tag: "none", text: "", inSvg: false, id: "" };
      const label = el.getAttribute("aria-label") ?? el.textContent ?? "";
      return { tag: el.tagName.toLowerCase(), text: label.trim().slice(0, 80), inSvg: el.closest("svg") !== null, id: el.id };
    });
  }

  /** Presses Tab `count` times (from the top on a freshly loaded page) and describes every stop. */
  async tabStops(count: number) {
    const stops = [];
    for (let i = 0; i < count; i++) {
      await this.page.keyboard.press("Tab");
      stops.push(await this.focused());
    }
    return stops;
  }

  async expectTheme(theme: Theme) {
    await expect(this.page.locator("html")).toHaveAttribute("data-theme", theme);
  }
}
