// Secrets that applications print to their logs are removed before a line is stored: Uptrust keeps
// what an SRE needs to read (which key, which host, which user) and drops the value. Over-redacting a
// harmless value costs a little context; storing a live credential costs trust, so every rule errs on
// the side of redacting. Each rule replaces the secret with a marker that says what was there.

const mark = (what: string) => `[REDACTED ${what}]`;

type Rule = { what: string; pattern: RegExp; replace: (match: string, ...groups: string[]) => string };

// Key names whose values are credentials, in JSON ("password": "…"), logfmt (token=…), env (DB_PASSWORD=…)
// and header (X-Api-Key: …) forms. The name is kept; the value goes.
const SENSITIVE_KEY = String.raw`[\w.-]*(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|session[_-]?id|cookie)[\w.-]*`;

const RULES: Rule[] = [
  {
    what: "private key",
    pattern: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
    replace: () => mark("private key"),
  },
  {
    what: "jwt",
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    replace: () => mark("jwt"),
  },
  {
    // Authorization: Bearer …, Basic …, token …: the scheme stays so the reader knows what kind it was.
    what: "authorization",
    pattern: /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(bearer|basic|token|digest)\s+[^\s"',;]+/gi,
    replace: (_m, head: string, scheme: string) => `${head}${scheme} ${mark("credential")}`,
  },
  {
    what: "bearer token",
    pattern: /\b(bearer)\s+[A-Za-z0-9._~+/-]{16,}=*/gi,
    replace: (_m, scheme: string) => `${scheme} ${mark("token")}`,
  },
  {
    // postgres://user:password@host — the user and host help the reader; the password does not.
    what: "url password",
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:)[^\s@/"']+@/gi,
    replace: (_m, head: string) => `${head}${mark("password")}@`,
  },
  {
    what: "cloud key",
    pattern: /\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|xox[abprs]-[A-Za-z0-9-]{10,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|ya29\.[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20,})\b/g,
    replace: () => mark("cloud key"),
  },
  {
    what: "secret value",
    pattern: new RegExp(String.raw`(["']?\b${SENSITIVE_KEY}["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]+)`, "gi"),
    replace: (_m, head: string, value: string) => {
      const quote = value[0] === '"' || value[0] === "'" ? value[0] : "";
      // Already redacted by an earlier rule, or empty: nothing to hide.
      if (value.includes("[REDACTED") || value === '""' || value === "''") return `${head}${value}`;
      return `${head}${quote}${mark("secret")}${quote}`;
    },
  },
];

// A card number is 13–19 digits, maybe grouped by spaces or dashes, that passes the Luhn check
// (which ids and timestamps of that length rarely do).
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** One log message with its secrets replaced by markers; text without secrets comes back unchanged. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace as (m: string, ...g: string[]) => string);
  return out.replace(CARD, (m) => {
    const digits = m.replace(/[ -]/g, "");
    return digits.length >= 13 && digits.length <= 19 && luhnValid(digits) ? mark("card number") : m;
  });
}

/**
 * Redaction for one container's stream: a private key printed over several lines is redacted from
 * its BEGIN line to its END line, even though each line arrives as a message of its own.
 */
const KEY_BEGIN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const KEY_END = /-----END [A-Z ]*PRIVATE KEY-----/;
const UP_TO_KEY_END = /^[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/;

export function createLogRedactor(): (text: string) => string {
  let insideKey = false;
  return (text) => {
    if (insideKey) {
      if (!KEY_END.test(text)) return mark("private key");
      insideKey = false;
      return redactSecrets(text.replace(UP_TO_KEY_END, mark("private key")));
    }
    const begin = text.search(KEY_BEGIN);
    if (begin >= 0 && !KEY_END.test(text.slice(begin))) insideKey = true;
    return redactSecrets(text);
  };
}
