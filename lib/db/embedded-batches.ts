// The embedded server multiplexes every client connection onto one PGlite session. pglite-socket
// 0.2.x schedules single protocol messages and keeps a connection's turn only inside a transaction,
// so a Parse from one connection can land between another's Parse and Bind: the unnamed statement is
// replaced, and the Bind fails ("bind message supplies 2 parameters…") or, worse, runs the other
// query (electric-sql/pglite#1046). It happens whenever a large message (a bulk ingest's arrays)
// arrives in several TCP chunks. This scheduler keeps a connection's turn from its first
// extended-protocol message until its Sync, and for as long as its transaction is open.

type Queued = { handlerId: number; message: Uint8Array; onData: (data: Uint8Array) => void; resolve: (bytes: number) => void; reject: (err: unknown) => void };
type Session = { isInTransaction(): boolean; runExclusive<T>(fn: () => Promise<T>): Promise<T>; execProtocolRawStream(message: Uint8Array, opts: { onRawData: (d: Uint8Array) => void }): Promise<unknown> };
type QueueManager = {
  db: Session;
  queue: Queued[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
};

// Frontend messages that leave the unnamed statement or portal waiting for more of the same batch.
const BATCH_OPENERS = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

export function keepProtocolBatchesTogether(server: object): void {
  const q = (server as { queryQueue?: QueueManager }).queryQueue;
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== "function" || typeof q.db?.execProtocolRawStream !== "function") {
    throw new Error("@electric-sql/pglite-socket changed its query queue: check lib/db/embedded-batches.ts against the installed version");
  }
  let midBatch: number | null = null;

  const holder = () => (midBatch !== null ? midBatch : q.db.isInTransaction() ? q.lastHandlerId : null);

  q.processQueue = async function processQueue() {
    if (q.processing) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const owner = holder();
        // The holder's next message has not arrived yet (still in flight): wait for it, serve no one else.
        const index = owner === null ? 0 : q.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break;
        const [item] = q.queue.splice(index, 1);
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          q.lastHandlerId = item.handlerId;
          midBatch = BATCH_OPENERS.has(item.message[0]) ? item.handlerId : null;
          item.resolve(bytes);
        } catch (err) {
          midBatch = null;
          item.reject(err);
        }
      }
    } finally {
      q.processing = false;
    }
  };

  // A connection that goes away mid-batch must not hold the session for ever.
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (midBatch === handlerId) midBatch = null;
    void q.processQueue();
  };
}
