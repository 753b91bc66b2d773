import { NAV_SECTIONS } from "./nav-sections.ts";

// Keyboard shortcuts as a pure state machine: a key (and what was pressed just before) in, an action out.
// The component in keyboard-shortcuts.tsx only wires it to the document and carries the actions out.

export type ShortcutAction = { kind: "focus-search" } | { kind: "go"; href: string } | { kind: "help" };

export type Shortcut = { keys: string[]; description: string; action: ShortcutAction };

/** A `g` waits this long for its second key, as in GitHub's and Gmail's `g` shortcuts. */
export const SEQUENCE_MS = 1_500;

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["/"], description: "Search services (where the page has a search)", action: { kind: "focus-search" } },
  ...NAV_SECTIONS.map((section) => ({
    keys: ["g", section.shortcut],
    description: `Go to ${section.label}`,
    action: { kind: "go", href: section.href } as const,
  })),
  { keys: ["?"], description: "Show these shortcuts", action: { kind: "help" } },
];

export type KeyState = { pending: string | null; at: number };
export const IDLE: KeyState = { pending: null, at: 0 };

export type KeyPress = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

/**
 * The action a key press asks for, and the state the next press starts from. A press with Ctrl, Cmd or
 * Alt belongs to the browser or the system and is never taken.
 */
export function pressKey(state: KeyState, press: KeyPress, now: number): { state: KeyState; action: ShortcutAction | null } {
  if (press.ctrlKey || press.metaKey || press.altKey) return { state: IDLE, action: null };
  const pending = state.pending !== null && now - state.at <= SEQUENCE_MS ? state.pending : null;
  const typed = pending === null ? [press.key] : [pending, press.key];
  const match = SHORTCUTS.find((s) => s.keys.length === typed.length && s.keys.every((k, i) => k === typed[i]));
  if (match) return { state: IDLE, action: match.action };
  const starts = pending === null && SHORTCUTS.some((s) => s.keys.length > 1 && s.keys[0] === press.key);
  return { state: starts ? { pending: press.key, at: now } : IDLE, action: null };
}

export type KeyTarget = { tagName?: string; isContentEditable?: boolean; type?: string } | null;

const TEXT_INPUT_TYPES = new Set(["", "text", "search", "email", "url", "tel", "password", "number", "date", "datetime-local", "time"]);

/** While someone types in a field, their keys are theirs: `/`, `g` and `?` are text there. */
export function isTypingTarget(target: KeyTarget): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? "").toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && TEXT_INPUT_TYPES.has((target.type ?? "").toLowerCase());
}

/** The field `/` focuses: the one a page marks as its service search, else the first search box. */
export const SEARCH_SELECTOR = '[data-shortcut="search"], input[type="search"]';
