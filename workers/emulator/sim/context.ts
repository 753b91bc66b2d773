import type { LogStore } from "../logs.ts";
import type { Rng } from "../random.ts";
import type { KObj, Store } from "../store.ts";
import type { EventRecorder } from "./events.ts";
import type { Scheduler } from "./scheduler.ts";

/** How a container behaves once started: what it logs, what it uses, and how it dies (if it does). */
export type Behavior = {
  readySeconds: number;
  logEverySeconds: number;
  logLine(rng: Rng, time: number): string;
  cpuMilli: [number, number];
  memoryMi: [number, number];
  /** Exits with code 1 this long after each start, printing these lines first. */
  crash?: { afterSeconds: number; lines(time: number): string[] };
  /** Memory grows from memoryMi[0] to the limit; the kernel OOM-kills it after this many minutes. */
  leak?: { limitMi: number; oomMinutes: [number, number] };
  /** CPU range at a scenario time, for load that comes and goes during a story (wins over cpuMilli). */
  cpuMilliAt?(time: number): [number, number];
  /** The registry answers every pull of this container's image with this error, e.g. "not found". */
  pullError?: string;
};

export type Sim = {
  store: Store;
  rng: Rng;
  sched: Scheduler;
  events: EventRecorder;
  logs: LogStore;
  behaviorFor(pod: KObj): Behavior;
  /** Asks the controllers to look again after the current step, e.g. when a deadline passes. */
  requestSync(): void;
};
