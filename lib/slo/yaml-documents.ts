import { isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";
import type { ImportProblem } from "./import-slo.ts";

// The objects of an SLO file, each with a way to find the line of any of its fields. `---` documents and
// the YAML-list form OpenSLO tools write (a top-level sequence of objects) read alike: each object is one
// document, numbered from the top of the file.

export type SourceDocument = { document: number; value: unknown; line: (path: readonly (string | number)[]) => number };

// Aliases expanded per document before it is refused: SLO files use a few (merge keys); a "billion laughs"
// file uses them to expand a few lines into gigabytes.
export const MAX_ALIASES = 100;

export function readDocuments(text: string): { documents: SourceDocument[]; problems: ImportProblem[] } {
  const counter = new LineCounter();
  // Merge keys (<<: *defaults) as the Go YAML Sloth and OpenSLO tools read them.
  const docs = parseAllDocuments(text, { lineCounter: counter, merge: true });
  const documents: SourceDocument[] = [];
  const problems: ImportProblem[] = [];
  if (!Array.isArray(docs)) return { documents, problems: [{ document: 1, line: 1, field: "", message: "is not YAML" }] };
  let document = 0;
  for (const doc of docs) {
    const first = document + 1;
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ document: first, line: e.linePos?.[0].line ?? 1, field: "", message: e.message.split("\n")[0] });
      document++;
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      const message = `expands YAML aliases beyond ${MAX_ALIASES} (${(err as Error).message.split("\n")[0]}); write the values out instead`;
      problems.push({ document: first, line: lineOf(doc, [], counter), field: "", message });
      document++;
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document between separators
    if (isSeq(doc.contents) && Array.isArray(value)) {
      value.forEach((item, i) => documents.push({ document: ++document, value: item, line: (path) => lineOf(doc, [i, ...path], counter) }));
    } else documents.push({ document: ++document, value, line: (path) => lineOf(doc, path, counter) });
  }
  return { documents, problems };
}

function lineOf(doc: Document, path: readonly (string | number)[], counter: LineCounter): number {
  // The deepest node of the path that exists: a missing field is reported where it belongs.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return doc.contents?.range ? counter.linePos(doc.contents.range[0]).line : 1;
}
