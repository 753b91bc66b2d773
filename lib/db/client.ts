import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { databaseUrl } from "./pool.ts";

// One Prisma client per process (Next dev reloads modules, so it lives on globalThis).
const globalForPrisma = globalThis as unknown as { uptrustPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  globalForPrisma.uptrustPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 8, connectionTimeoutMillis: 10_000 }),
  });
  return globalForPrisma.uptrustPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.uptrustPrisma;
  globalForPrisma.uptrustPrisma = undefined;
  await client?.$disconnect();
}
