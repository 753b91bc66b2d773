// Any value JSON can carry: stored objects and diffs are passed through as they were read.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
