import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

// Child processes of `npm start`, each line of their output prefixed with the part's name so one
// terminal tells the whole story. When any child dies, the cockpit is incomplete: stop everything.

export type Child = { name: string; process: ChildProcess; exited: Promise<number> };

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    // Parts that already name themselves ("[ingest uptrust-demo] ...") are printed as they are.
    createInterface({ input: stream! }).on("line", (line) => console.log(line.startsWith(`[${name}`) ? line : `[${name}] ${line}`));
  }
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { name, process: child, exited };
}

export async function runToEnd(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const code = await startChild(name, command, args, env).exited;
  if (code !== 0) throw new Error(`${name} failed (exit code ${code}); see the [${name}] lines above`);
}

export async function stopChildren(children: Child[]): Promise<void> {
  for (const c of children) if (c.process.exitCode === null) c.process.kill("SIGTERM");
  const timeout = new Promise((r) => setTimeout(r, 8000));
  await Promise.race([Promise.all(children.map((c) => c.exited)), timeout]);
  for (const c of children) if (c.process.exitCode === null) c.process.kill("SIGKILL");
}
