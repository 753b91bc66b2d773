import { readdirSync, readFileSync } from "node:fs";
import { SETTING_NAMES } from "@/lib/env.ts";
import { reachableFiles } from "./import-chains.ts";

// Which of lib/env.ts's settings each Uptrust process reads, from its source: the settings named (env.X, env().X,
// { X } = env()) in the files its imports reach. The deploy files are checked against it, so a setting added
// tomorrow cannot be forgotten where users start the process.

export type UptrustProcess = "web" | "ingest" | "analyze" | "migrate";

const ENTRIES: Record<UptrustProcess, () => string[]> = {
  web: () => ["proxy.ts", "instrumentation.ts", ...(readdirSync("app", { recursive: true }) as string[]).filter((f) => /(?<!\.test)\.tsx?$/.test(f)).map((f) => `app/${f}`)],
  ingest: () => ["workers/ingest/main.ts"],
  analyze: () => ["workers/analyze/main.ts"],
  migrate: () => ["prisma/migrate.ts"],
};
// lib/env.ts defines every setting and lib/secret-files.ts names the secret ones; neither is a reader.
const DEFINERS = ["lib/env.ts", "lib/secret-files.ts"];

let read: Record<UptrustProcess, string[]> | undefined;

/** The settings each process reads; paths are relative to the repository root, the working directory of the tests. */
export function settingsRead(): Record<UptrustProcess, string[]> {
  read ??= Object.fromEntries(
    Object.entries(ENTRIES).map(([process, entries]) => {
      const sources = reachableFiles(entries(), ".").filter((f) => !DEFINERS.includes(f)).map((f) => readFileSync(f, "utf8"));
      return [process, SETTING_NAMES.filter((n) => sources.some((text) => new RegExp(`(\\.${n}\\b|[{,]\\s*${n}\\s*[:,}])`).test(text)))];
    }),
  ) as Record<UptrustProcess, string[]>;
  return read;
}
