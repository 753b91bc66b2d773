import type { CapacityNodeRow, CapacityPointRow } from "@/lib/views/capacity.ts";
import { formatBytes, formatCpu, formatUtc } from "../format.ts";
import s from "../ui/styles.module.css";

// The facts behind the pool's figures: its nodes (what they offer and hold now) and its hours.

export function PoolNodesTable({ nodes }: { nodes: readonly CapacityNodeRow[] }) {
  return (
    <table className={s.table}>
      <thead>
        <tr>
          <th scope="col">node</th>
          <th scope="col">state</th>
          <th scope="col" className={s.right}>allocatable CPU</th>
          <th scope="col" className={s.right}>requested CPU</th>
          <th scope="col" className={s.right}>allocatable memory</th>
          <th scope="col" className={s.right}>requested memory</th>
          <th scope="col" className={s.right}>pods</th>
          <th scope="col">created</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n.node} data-testid="capacity-node">
            <td className={s.mono}>{n.node}</td>
            <td className={s.muted}>{n.deletedAt ? `removed ${formatUtc(n.deletedAt)}` : n.ready ? "ready" : "not ready"}</td>
            <td className={s.right}>{formatCpu(n.allocatableCpuMillis)}</td>
            <td className={s.right}>{n.deletedAt ? "–" : formatCpu(n.requestedCpuMillis)}</td>
            <td className={s.right}>{formatBytes(n.allocatableMemoryBytes)}</td>
            <td className={s.right}>{n.deletedAt ? "–" : formatBytes(n.requestedMemoryBytes)}</td>
            <td className={s.right}>{n.deletedAt ? "–" : n.pods}</td>
            <td className={s.muted}>{formatUtc(n.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PoolPointsTable({ points }: { points: readonly CapacityPointRow[] }) {
  return (
    <table className={s.table}>
      <thead>
        <tr>
          <th scope="col">hour (UTC)</th>
          <th scope="col" className={s.right}>nodes</th>
          <th scope="col" className={s.right}>pods</th>
          <th scope="col" className={s.right}>CPU allocatable / requested / used</th>
          <th scope="col" className={s.right}>memory allocatable / requested / used</th>
          <th scope="col" className={s.right}>usage slots</th>
        </tr>
      </thead>
      <tbody>
        {[...points].reverse().map((p) => (
          <tr key={p.bucket} data-testid="capacity-point">
            <td>{formatUtc(p.bucket)}</td>
            <td className={s.right}>{p.nodeCount}</td>
            <td className={s.right}>{p.podCount}</td>
            <td className={s.right}>{formatCpu(p.allocatableCpuMillis)} / {formatCpu(p.requestedCpuMillis)} / {p.usedCpuMillis === null ? "–" : formatCpu(p.usedCpuMillis)}</td>
            <td className={s.right}>{formatBytes(p.allocatableMemoryBytes)} / {formatBytes(p.requestedMemoryBytes)} / {p.usedMemoryBytes === null ? "–" : formatBytes(p.usedMemoryBytes)}</td>
            <td className={s.right}>{p.usageSlots} of 12</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
