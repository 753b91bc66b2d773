import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here (the migrations are applied by prisma/migrate.ts); the URL is
// needed by Prisma's CLI for other commands and is never used to generate the client.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/uptrust" },
});
