// A cluster as the header's chips show it: its ingest state in words and numbers.

export type ClusterChip = {
  id: string;
  name: string;
  /** Ingest state as judged now (lib/domain/ingest-health.ts): a silent worker reads "stale". */
  status: string;
  /** One sentence on the cluster's ingest, with who ingests it, the lag and any loss. */
  summary: string;
  /** The cluster's own newest time in the data: what "now" means for its charts. */
  lastEventAt: string | null;
  /** The holding worker's latest heartbeat (wall clock). */
  lastSyncAt: string | null;
  lagMs: number | null;
  droppedRows: number;
  worker: string | null;
  lastError: string | null;
};
