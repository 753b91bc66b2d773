import type { KObj } from "./store.ts";

// The store never changes an object in place: every write stores a new copy with a new
// resourceVersion. So each object version is serialized once per presenter, and a 10,000-pod list
// or a watch fan-out is a join of strings made earlier rather than a fresh JSON.stringify each time.
const byPresenter = new WeakMap<(o: KObj) => KObj, WeakMap<KObj, string>>();

export function jsonOf(o: KObj, present: (o: KObj) => KObj): string {
  let cache = byPresenter.get(present);
  if (!cache) byPresenter.set(present, (cache = new WeakMap()));
  let text = cache.get(o);
  if (text === undefined) cache.set(o, (text = JSON.stringify(present(o))));
  return text;
}

/** A List body whose items are already-serialized objects, byte for byte what JSON.stringify would give. */
export function listJson(head: Record<string, unknown>, items: readonly KObj[], present: (o: KObj) => KObj): string {
  const prefix = JSON.stringify(head).slice(0, -1);
  return `${prefix}${prefix.endsWith("{") ? "" : ","}"items":[${items.map((o) => jsonOf(o, present)).join(",")}]}`;
}
