// Alertmanager's times (startsAt, endsAt, when a notification arrived) are the wall clock's; incidents and
// every other fact are on the cluster's clock, the newest time ingest saw in the cluster (clusters.last_event_at).
// A real cluster's clock is the wall clock seen a few seconds late. The demo cluster's runs behind it while it
// replays its history (six hours, caught up in a minute at the default speed; for good at speed 1), and an
// alert stamped on the wall clock would sit in the cluster's future, unseen until its clock got there.
//
// Whenever ingest moves the cluster's clock forward it notes the wall time (clusters.clock_read_at). Their
// difference is how far the cluster's clock runs behind the wall clock, and an alert's times move back by as
// much, as if Alertmanager ran on the cluster's clock: it arrived at the cluster's "now", and started as long
// before it as it did on the wall clock. A quiet or unreachable cluster, or one whose ingest stopped, keeps
// the lag it had when its clock last moved (seconds on a real cluster): its alerts keep their times and wait
// for its clock, as its other facts do.

/** What Uptrust knows of one cluster's clock when an alert arrives (epoch ms; null before ingest moved it). */
export type ClusterClockReading = { lastEventAt: number | null; readAt: number | null };

/** How far the cluster's clock runs behind the wall clock: never negative, 0 before ingest has read it. */
export function clusterClockLagMs(c: ClusterClockReading): number {
  if (c.lastEventAt === null || c.readAt === null) return 0;
  return Math.max(0, c.readAt - c.lastEventAt);
}

/** A wall-clock time as the cluster's clock tells it. */
export function onClusterClock(wallMs: number, lagMs: number): number {
  return wallMs - lagMs;
}
