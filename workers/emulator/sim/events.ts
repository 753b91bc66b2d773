import { iso } from "../clock.ts";
import { randomSuffix, type Rng } from "../random.ts";
import type { KObj, Store } from "../store.ts";

export type EventSource = { component: string; host?: string };
type Recorded = { key: string; namespace: string; name: string };

/**
 * Records v1 Events the way kubelet and controllers do: a repeat of the same reason and message on the
 * same object bumps `count` and `lastTimestamp` instead of creating a new Event.
 */
export class EventRecorder {
  private readonly seen = new Map<string, Recorded>();

  constructor(private readonly store: Store, private readonly rng: Rng) {}

  record(time: number, about: KObj, type: "Normal" | "Warning", reason: string, message: string, source: EventSource) {
    const namespace = about.metadata.namespace ?? "default";
    const key = `${about.metadata.uid}|${reason}|${message}|${source.component}`;
    const manager = source.component === "kubelet" ? "kubelet" : "kube-controller-manager";
    const writer = { manager, time };
    const existing = this.seen.get(key);
    if (existing && this.store.get("events", existing.namespace, existing.name)) {
      this.store.update("events", existing.namespace, existing.name, writer, (e) => {
        e.count = (e.count ?? 1) + 1;
        e.lastTimestamp = iso(time);
        // A repeated event also carries its series, as events.k8s.io/v1 clients read it.
        e.series = { count: e.count, lastObservedTime: new Date(time).toISOString().replace(/Z$/, "000Z") };
      });
      return;
    }
    const name = `${about.metadata.name}.${randomSuffix(this.rng, 16)}`;
    this.store.create(
      "events",
      {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace, uid: `${about.metadata.uid.slice(0, 24)}${randomSuffix(this.rng, 12)}`, creationTimestamp: iso(time) },
        involvedObject: {
          kind: about.kind,
          namespace: about.metadata.namespace,
          name: about.metadata.name,
          uid: about.metadata.uid,
          apiVersion: about.apiVersion,
          resourceVersion: about.metadata.resourceVersion,
          ...(about.kind === "Pod" && about.spec?.containers?.[0] ? { fieldPath: `spec.containers{${about.spec.containers[0].name}}` } : {}),
        },
        reason,
        message,
        source,
        firstTimestamp: iso(time),
        lastTimestamp: iso(time),
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? "",
      },
      writer,
    );
    this.seen.set(key, { key, namespace, name });
  }
}
