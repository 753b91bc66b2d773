// Reads the parts of schema.prisma that decide the database shape (tables, columns, types, nullability,
// keys, indexes, enums, foreign keys) so a test can compare them with a migrated database. Prisma's own
// differ needs its native schema engine, which not every machine can download.

export type Column = { name: string; type: string; nullable: boolean; list: boolean };
export type TableModel = {
  model: string;
  table: string;
  columns: Column[];
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: { columns: string[]; table: string; references: string[] }[];
};
export type SchemaModel = { tables: TableModel[]; enums: Record<string, string[]> };

const SCALAR_SQL: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  Json: "jsonb",
  DateTime: "timestamp(3) without time zone",
  Decimal: "numeric(65,30)",
};
const NATIVE_SQL: Record<string, string> = { Uuid: "uuid", Timestamptz: "timestamp with time zone", Text: "text" };

const blocks = (src: string, keyword: string) =>
  [...src.matchAll(new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm"))].map((m) => ({ name: m[1], body: m[2] }));

const stripComments = (src: string) => src.replace(/\/\/.*$/gm, "");
const listArg = (s: string) => s.split(",").map((x) => x.trim().replace(/\(.*\)$/, "")).filter(Boolean);

export function parsePrismaSchema(source: string): SchemaModel {
  const src = stripComments(source);
  const enums = Object.fromEntries(
    blocks(src, "enum").map((b) => [b.name, b.body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("@@"))]),
  );
  const models = blocks(src, "model");
  const modelNames = new Set(models.map((m) => m.name));
  const tableOf = new Map(models.map((m) => [m.name, m.body.match(/@@map\("([^"]+)"\)/)?.[1] ?? m.name]));

  const tables = models.map(({ name, body }) => {
    const t: TableModel = { model: name, table: tableOf.get(name)!, columns: [], primaryKey: [], uniques: [], indexes: [], foreignKeys: [] };
    const fieldToColumn = new Map<string, string>();
    const lines = body.split("\n").map((l) => l.trim()).filter(Boolean);
    for (const line of lines.filter((l) => !l.startsWith("@@"))) {
      const m = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!m) continue;
      const [, field, type, list, optional, attrs] = m;
      if (modelNames.has(type)) {
        const rel = attrs.match(/fields:\s*\[([^\]]*)\][^)]*references:\s*\[([^\]]*)\]/);
        if (rel) t.foreignKeys.push({ columns: listArg(rel[1]), table: tableOf.get(type)!, references: listArg(rel[2]) });
        continue;
      }
      const column = attrs.match(/@map\("([^"]+)"\)/)?.[1] ?? field;
      fieldToColumn.set(field, column);
      const native = attrs.match(/@db\.(\w+)(?:\((\d+)\))?/);
      let sqlType = enums[type] ? `enum:${type}` : SCALAR_SQL[type];
      if (native) sqlType = native[1] === "Timestamptz" ? `timestamp(${native[2] ?? 6}) with time zone` : NATIVE_SQL[native[1]] ?? native[1].toLowerCase();
      t.columns.push({ name: column, type: sqlType, nullable: Boolean(optional), list: Boolean(list) });
      if (/@id\b/.test(attrs)) t.primaryKey = [column];
      if (/@unique\b/.test(attrs)) t.uniques.push([column]);
    }
    const cols = (s: string) => listArg(s).map((f) => fieldToColumn.get(f) ?? f);
    for (const line of lines.filter((l) => l.startsWith("@@"))) {
      const m = line.match(/^@@(id|unique|index)\(\[([^\]]*)\]/);
      if (!m) continue;
      if (m[1] === "id") t.primaryKey = cols(m[2]);
      else (m[1] === "unique" ? t.uniques : t.indexes).push(cols(m[2]));
    }
    t.foreignKeys = t.foreignKeys.map((fk) => ({ ...fk, columns: fk.columns.map((f) => fieldToColumn.get(f) ?? f) }));
    return t;
  });
  // Referenced columns are named by field; map them through the referenced model.
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const target = tables.find((x) => x.table === fk.table)!;
      const targetModel = models.find((m) => m.name === target.model)!;
      fk.references = fk.references.map((f) => targetModel.body.match(new RegExp(`^\\s*${f}\\s+\\w+.*@map\\("([^"]+)"\\)`, "m"))?.[1] ?? f);
    }
  }
  return { tables, enums };
}
