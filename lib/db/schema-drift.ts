import type pg from "pg";
import type { SchemaModel } from "./prisma-schema-model.ts";

// Compares what schema.prisma promises with what the migrations built. Each difference is phrased as
// the fix an engineer would make, so a failing drift test says which file to change.

type Queryable = Pick<pg.ClientBase, "query">;

export async function describeDatabase(db: Queryable, schema = "public") {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'`,
    [schema],
  );
  const columns = await db.query<{ table_name: string; column_name: string; is_nullable: string; data_type: string; udt_name: string; datetime_precision: number | null }>(
    `SELECT table_name, column_name, is_nullable, data_type, udt_name, datetime_precision FROM information_schema.columns WHERE table_schema = $1`,
    [schema],
  );
  const indexes = await db.query<{ table: string; unique: boolean; primary: boolean; columns: string[] }>(
    `SELECT t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
       array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND NOT t.relispartition`,
    [schema],
  );
  const foreignKeys = await db.query<{ table: string; ref_table: string; columns: string[]; ref_columns: string[] }>(
    `SELECT t.relname AS table, r.relname AS ref_table,
       array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
       array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = $1 AND NOT t.relispartition`,
    [schema],
  );
  const enums = await db.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  return { tables: tables.rows.map((r) => r.name), columns: columns.rows, indexes: indexes.rows, foreignKeys: foreignKeys.rows, enums: enums.rows };
}

type DatabaseShape = Awaited<ReturnType<typeof describeDatabase>>;

// information_schema names an array column's element only through its udt ("_int4").
const ELEMENT: Record<string, string> = { int4: "integer", int8: "bigint", text: "text", float8: "double precision", bool: "boolean", uuid: "uuid" };

function sqlType(c: DatabaseShape["columns"][number]): string {
  if (c.data_type === "USER-DEFINED") return `enum:${c.udt_name}`;
  if (c.data_type === "ARRAY") return `${ELEMENT[c.udt_name.slice(1)] ?? c.udt_name.slice(1)}[]`;
  if (c.data_type.startsWith("timestamp")) return c.data_type.replace("timestamp", `timestamp(${c.datetime_precision})`);
  return c.data_type;
}

const key = (cols: string[]) => cols.join(",");

export function diffSchema(model: SchemaModel, db: DatabaseShape): string[] {
  const problems: string[] = [];
  const dbTables = new Set(db.tables);
  for (const table of db.tables) {
    if (!model.tables.some((t) => t.table === table)) problems.push(`table ${table} exists in the database but no model in schema.prisma maps to it`);
  }
  for (const t of model.tables) {
    if (!dbTables.has(t.table)) {
      problems.push(`model ${t.model}: table ${t.table} is missing from the migrations`);
      continue;
    }
    const cols = db.columns.filter((c) => c.table_name === t.table);
    for (const c of cols) {
      if (!t.columns.some((m) => m.name === c.column_name)) problems.push(`${t.table}.${c.column_name} exists in the database but not in model ${t.model}`);
    }
    for (const m of t.columns) {
      const c = cols.find((x) => x.column_name === m.name);
      if (!c) {
        problems.push(`${t.table}.${m.name} (model ${t.model}) is missing from the migrations`);
        continue;
      }
      const modelType = m.list ? `${m.type}[]` : m.type;
      if (sqlType(c) !== modelType) problems.push(`${t.table}.${m.name}: schema.prisma says ${modelType}, the database has ${sqlType(c)}`);
      if ((c.is_nullable === "YES") !== m.nullable) problems.push(`${t.table}.${m.name}: schema.prisma says ${m.nullable ? "optional" : "required"}, the database column is ${c.is_nullable === "YES" ? "NULL" : "NOT NULL"}`);
    }
    const idx = db.indexes.filter((i) => i.table === t.table);
    const pk = idx.find((i) => i.primary);
    if (key(pk?.columns ?? []) !== key(t.primaryKey)) problems.push(`${t.table}: primary key is (${pk?.columns ?? ""}) in the database, (${t.primaryKey}) in schema.prisma`);
    const uniques = new Set(idx.filter((i) => i.unique && !i.primary).map((i) => key(i.columns)));
    const plain = new Set(idx.filter((i) => !i.unique).map((i) => key(i.columns)));
    for (const u of t.uniques) if (!uniques.has(key(u))) problems.push(`${t.table}: unique (${u}) from schema.prisma has no unique index in the database`);
    for (const u of uniques) if (!t.uniques.some((x) => key(x) === u)) problems.push(`${t.table}: unique index (${u}) in the database is not declared in schema.prisma`);
    for (const i of t.indexes) if (!plain.has(key(i))) problems.push(`${t.table}: index (${i}) from schema.prisma is missing in the database`);
    for (const i of plain) if (!t.indexes.some((x) => key(x) === i)) problems.push(`${t.table}: index (${i}) in the database is not declared in schema.prisma`);
    const fks = db.foreignKeys.filter((f) => f.table === t.table);
    for (const fk of t.foreignKeys) {
      if (!fks.some((f) => f.ref_table === fk.table && key(f.columns) === key(fk.columns) && key(f.ref_columns) === key(fk.references)))
        problems.push(`${t.table}: foreign key (${fk.columns}) → ${fk.table}(${fk.references}) from schema.prisma is missing in the database`);
    }
    for (const f of fks) {
      if (!t.foreignKeys.some((fk) => fk.table === f.ref_table && key(f.columns) === key(fk.columns)))
        problems.push(`${t.table}: foreign key (${f.columns}) → ${f.ref_table} in the database is not declared in schema.prisma`);
    }
  }
  const dbEnums = new Map(db.enums.map((e) => [e.name, e.values]));
  for (const [name, values] of Object.entries(model.enums)) {
    const actual = dbEnums.get(name);
    if (!actual) problems.push(`enum ${name} is missing from the migrations`);
    else if (key(actual) !== key(values)) problems.push(`enum ${name}: schema.prisma has (${values}), the database has (${actual})`);
  }
  return problems;
}
