import type pg from "pg";
import { markDeleted } from "@/lib/db/ingest/upsert-namespaces-nodes.ts";
import type { BufferGauge } from "./backlog.ts";
import { KeyedBatcher } from "./keyed-batcher.ts";

// Upserts and deletes of one table share a keyed queue so the last thing the cluster said about an
// object wins: a delete can never be overtaken by an older, still-queued upsert of the same object.

type Op<R> = { upsert: R } | { deleteUid: string; at: Date };

export class ObjectWriter<R> {
  private batcher: KeyedBatcher<Op<R>>;

  constructor(
    db: pg.Pool,
    clusterId: string,
    table: "namespaces" | "nodes" | "pods",
    upsert: (rows: R[]) => Promise<void>,
    log: (m: string) => void,
    maxPending?: number,
  ) {
    this.batcher = new KeyedBatcher<Op<R>>(
      async (ops) => {
        const rows = ops.flatMap((o) => ("upsert" in o ? [o.upsert] : []));
        const deletes = ops.flatMap((o) => ("deleteUid" in o ? [o] : []));
        await upsert(rows);
        for (const d of deletes) await markDeleted(db, table, clusterId, [d.deleteUid], d.at);
      },
      { name: table, log, maxPending },
    );
  }

  get gauge(): BufferGauge {
    return this.batcher;
  }

  /** key: what the table is unique on (name for namespaces and nodes, uid for pods). */
  put(key: string, row: R): void {
    this.batcher.put(key, { upsert: row });
  }

  remove(key: string, uid: string, at: Date): void {
    this.batcher.put(key, { deleteUid: uid, at });
  }

  drain(): Promise<void> {
    return this.batcher.drain();
  }
}
