import { configChangeCauses, imageChanges, templateChangeCauses } from "./change-causes.ts";
import { cpuLimitCause } from "./cpu-limit-cause.ts";
import { dnsCause } from "./dns-cause.ts";
import { nodeNotReadyCause, noisyNeighbourCause } from "./node-causes.ts";
import { imagePullCause, memoryLimitCause } from "./pod-causes.ts";
import type { CauseInput, ProbableCause } from "./types.ts";

const MAX_CAUSES = 5;

// Every detector that finds its evidence proposes a cause; they are ranked by how directly the evidence
// explains the symptom (the detectors' scores say why). A rollout whose image cannot be pulled is told
// once, as the pull failure, not again as an image change.
export function probableCauses(input: CauseInput): ProbableCause[] {
  const found = [
    imagePullCause(input),
    memoryLimitCause(input),
    nodeNotReadyCause(input),
    dnsCause(input),
    noisyNeighbourCause(input),
    cpuLimitCause(input),
    ...configChangeCauses(input),
    ...templateChangeCauses(input),
  ].filter((c): c is ProbableCause => c !== null);
  const pull = found.find((c) => c.kind === "ImagePull");
  const unpullable = pull ? new Set(input.changes.flatMap((c) => imageChanges(c).map((i) => i.to)).filter((to) => pull.title.includes(to))) : new Set<string>();
  return found
    .filter((c) => !(c.kind === "ImageChange" && [...unpullable].some((to) => c.title.includes(to))))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CAUSES)
    .map((c) => ({ ...c, score: Math.round(c.score * 100) / 100 }));
}
