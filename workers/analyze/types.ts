export type ClusterRef = { id: string; name: string };

// What one job did in one cycle, for the worker's log line.
export type JobOutcome = { job: string; cluster: string; ok: boolean; ms: number; detail?: string; error?: string };
