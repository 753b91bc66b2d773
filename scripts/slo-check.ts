import { readFileSync } from "node:fs";
import { describeSlo, formatProblem } from "@/lib/slo/format-problems.ts";
import { importSlos } from "@/lib/slo/import-slo.ts";

// `npm run slo:check -- FILE...`: checks OpenSLO and Sloth SLO files as Uptrust will import them,
// and prints what each defines, or every problem as file:line: field: message. Exit 1 on any problem,
// so it can guard a repository of SLOs in CI.

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: npm run slo:check -- FILE.yaml [FILE.yaml ...]   (OpenSLO or Sloth)");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    console.error(`${file}: cannot be read: ${(err as Error).message}`);
    failed = true;
    continue;
  }
  const { slos, problems, notes } = importSlos(text);
  for (const p of problems) console.error(formatProblem(file, p));
  for (const n of notes) console.log(formatProblem(file, n));
  for (const s of slos) console.log(`${file}: ${describeSlo(s)}`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
