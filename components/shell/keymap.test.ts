import { describe, expect, it } from "vitest";
import { IDLE, isTypingTarget, pressKey, SEQUENCE_MS, SHORTCUTS, type KeyPress, type KeyState } from "./keymap.ts";

// Presses keys in order, 100 ms apart unless told, and returns every action asked for.
function type(keys: (string | KeyPress)[], gap = 100) {
  let state: KeyState = IDLE;
  const actions = [];
  let now = 1_000_000;
  for (const key of keys) {
    const result = pressKey(state, typeof key === "string" ? { key } : key, now);
    state = result.state;
    if (result.action) actions.push(result.action);
    now += gap;
  }
  return actions;
}

describe("keyboard shortcuts", () => {
  it("/ asks for the search box and ? for the list of shortcuts", () => {
    expect(type(["/"])).toEqual([{ kind: "focus-search" }]);
    expect(type(["?"])).toEqual([{ kind: "help" }]);
  });

  it("g then a letter goes to that section", () => {
    expect(type(["g", "h"])).toEqual([{ kind: "go", href: "/" }]);
    expect(type(["g", "m"])).toEqual([{ kind: "go", href: "/mttx" }]);
    expect(type(["g", "s"])).toEqual([{ kind: "go", href: "/slos" }]);
    expect(type(["g", "i"])).toEqual([{ kind: "go", href: "/incidents" }]);
    expect(type(["g", "r"])).toEqual([{ kind: "go", href: "/rightsizing" }]);
    expect(type(["g", "g"])).toEqual([{ kind: "go", href: "/guardrails" }]);
    expect(type(["g", "c"])).toEqual([{ kind: "go", href: "/clusters" }]);
  });

  it("a lone letter does nothing, and a g forgotten for longer than the pause does not combine", () => {
    expect(type(["h", "m", "c"])).toEqual([]);
    expect(type(["g", "m"], SEQUENCE_MS + 1)).toEqual([]);
  });

  it("after an unknown second key, the next g starts afresh", () => {
    expect(type(["g", "x", "g", "m"])).toEqual([{ kind: "go", href: "/mttx" }]);
  });

  it("leaves keys pressed with Ctrl, Cmd or Alt to the browser", () => {
    expect(type([{ key: "/", ctrlKey: true }, { key: "?", metaKey: true }, { key: "g", altKey: true }, "h"])).toEqual([]);
  });

  it("lists every shortcut once, each with a description for the ? dialog", () => {
    const combos = SHORTCUTS.map((s) => s.keys.join(" "));
    expect(new Set(combos).size).toBe(combos.length);
    for (const s of SHORTCUTS) expect(s.description.length).toBeGreaterThan(0);
  });
});

describe("typing in a field", () => {
  it("keeps keys for text inputs, text areas, selects and editable content", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "input", type: "search" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });

  it("still takes shortcuts on buttons, links, checkboxes and the page itself", () => {
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "A" })).toBe(false);
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BODY" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
