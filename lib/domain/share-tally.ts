// What an external share removed or generalised, told to the person creating the link before they
// hand it out: per kind, how many distinct values and a few of them with what they became.

export const REMOVAL_KINDS = ["pod", "replica-set", "node", "ip", "email", "registry", "log", "secret"] as const;
export type RemovalKind = (typeof REMOVAL_KINDS)[number];

export type Removal = { kind: RemovalKind; label: string; count: number; examples: { from: string; to: string }[] };

// One and many: "1 IP address removed", "3 IP addresses removed".
const LABELS: Record<RemovalKind, [string, string]> = {
  pod: ["pod name generalised to its workload", "pod names generalised to their workload"],
  "replica-set": ["ReplicaSet name generalised to its workload", "ReplicaSet names generalised to their workload"],
  node: ["node name replaced by a number", "node names replaced by numbers"],
  ip: ["IP address removed", "IP addresses removed"],
  email: ["e-mail address removed", "e-mail addresses removed"],
  registry: ["image registry removed", "image registries removed"],
  log: ["log excerpt removed", "log excerpts removed"],
  secret: ["value that looked like a credential redacted", "values that looked like credentials redacted"],
};

const EXAMPLES = 3;
const EXAMPLE_CHARS = 120;
const clip = (text: string) => (text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text);

export class Tally {
  private readonly seen = new Map<RemovalKind, Map<string, { from: string; to: string }>>();

  /** Records one removal (distinct by `key`, the value itself unless given) and returns its replacement. */
  add(kind: RemovalKind, from: string, to: string, key: string = from): string {
    const values = this.seen.get(kind) ?? new Map<string, { from: string; to: string }>();
    this.seen.set(kind, values);
    if (!values.has(key)) values.set(key, { from: clip(from), to });
    return to;
  }

  list(): Removal[] {
    return REMOVAL_KINDS.flatMap((kind) => {
      const values = this.seen.get(kind);
      if (!values?.size) return [];
      const examples = [...new Map([...values.values()].map((e) => [e.from, e])).values()].slice(0, EXAMPLES);
      return [{ kind, label: LABELS[kind][values.size === 1 ? 0 : 1], count: values.size, examples }];
    });
  }
}
