export type LogLine = { time: number; text: string };
type Instance = { lines: LogLine[]; followers: Set<Follower>; ended: boolean };
export type Follower = { write(line: LogLine): void; end(): void };

const MAX_LINES_PER_INSTANCE = 5_000;

/**
 * Container logs per pod, per container, per instance (restart), so `previous=true` can show
 * what a crashed container printed before it died, as kubelet does.
 */
export class LogStore {
  private readonly pods = new Map<string, Map<string, Instance[]>>();

  private instances(podKey: string, container: string) {
    let containers = this.pods.get(podKey);
    if (!containers) this.pods.set(podKey, (containers = new Map()));
    let list = containers.get(container);
    if (!list) containers.set(container, (list = []));
    return list;
  }

  private instance(podKey: string, container: string, index: number) {
    const list = this.instances(podKey, container);
    while (list.length <= index) list.push({ lines: [], followers: new Set(), ended: false });
    return list[index];
  }

  append(podKey: string, container: string, index: number, time: number, text: string) {
    const inst = this.instance(podKey, container, index);
    for (const part of text.split("\n")) {
      const line = { time, text: part };
      inst.lines.push(line);
      for (const f of inst.followers) f.write(line);
    }
    if (inst.lines.length > MAX_LINES_PER_INSTANCE * 1.2) inst.lines.splice(0, inst.lines.length - MAX_LINES_PER_INSTANCE);
  }

  /** The container instance exited: followers see the end of the stream, as with a real kubelet. */
  end(podKey: string, container: string, index: number) {
    const inst = this.instance(podKey, container, index);
    inst.ended = true;
    for (const f of inst.followers) f.end();
    inst.followers.clear();
  }

  lines(podKey: string, container: string, index: number) {
    return this.pods.get(podKey)?.get(container)?.[index]?.lines ?? [];
  }

  follow(podKey: string, container: string, index: number, follower: Follower) {
    const inst = this.instance(podKey, container, index);
    if (inst.ended) {
      follower.end();
      return () => {};
    }
    inst.followers.add(follower);
    return () => inst.followers.delete(follower);
  }

  forget(podKey: string) {
    const containers = this.pods.get(podKey);
    if (!containers) return;
    for (const list of containers.values()) for (const inst of list) for (const f of inst.followers) f.end();
    this.pods.delete(podKey);
  }
}
