// What the scope controls offer: the clusters Uptrust knows and the namespaces their live workloads run in,
// read from the data (lib/db/queries/list-scope-options.ts), never typed in by hand.
export type ScopeOptions = { clusters: { name: string; namespaces: string[] }[] };
