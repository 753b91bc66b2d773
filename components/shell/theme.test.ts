import { describe, expect, it } from "vitest";
import { parseThemeChoice, themeAttribute, themeCookie, THEME_COOKIE } from "./theme.ts";

describe("the remembered theme", () => {
  it("reads each choice the switch writes back from its cookie", () => {
    for (const choice of ["system", "light", "dark"] as const) {
      const value = themeCookie(choice).split(";")[0].split("=")[1];
      expect(parseThemeChoice(value)).toBe(choice);
    }
  });

  it("follows the system when no choice was stored or the cookie holds something unknown", () => {
    expect(parseThemeChoice(undefined)).toBe("system");
    expect(parseThemeChoice("sepia")).toBe("system");
  });

  it("leaves <html> without data-theme for the system setting, so prefers-color-scheme decides", () => {
    expect(themeAttribute("system")).toBeUndefined();
    expect(themeAttribute("light")).toBe("light");
    expect(themeAttribute("dark")).toBe("dark");
  });

  it("keeps the choice for a year on every page of the site", () => {
    const cookie = themeCookie("dark");
    expect(cookie.startsWith(`${THEME_COOKIE}=dark;`)).toBe(true);
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain(`Max-Age=${365 * 24 * 3600}`);
  });
});
