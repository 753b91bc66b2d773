type Step = { at: number; seq: number; run: () => void };

/**
 * Scenario steps due by a given scenario time run in time order (ties in the order scheduled),
 * so a run depends only on the seed and the scenario, never on how often the wall clock ticks.
 */
export class Scheduler {
  private queue: Step[] = [];
  private seq = 0;
  private current = 0;

  constructor(start: number) {
    this.current = start;
  }

  /** The scenario time of the step being run (or of the last one). */
  now() {
    return this.current;
  }

  at(time: number, run: () => void) {
    const step = { at: Math.max(time, this.current), seq: this.seq++, run };
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = this.queue[mid];
      if (q.at < step.at || (q.at === step.at && q.seq < step.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, step);
  }

  after(delayMs: number, run: () => void) {
    this.at(this.current + delayMs, run);
  }

  runUntil(time: number, afterEach: () => void) {
    while (this.queue.length && this.queue[0].at <= time) {
      const step = this.queue.shift()!;
      this.current = step.at;
      step.run();
      afterEach();
    }
    this.current = Math.max(this.current, time);
  }
}
