import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { databaseUrl } from "./pool.ts";

// One Prisma client per process (Next dev reloads modules, so it lives on globalThis).
const globalForPrisma = globalThis as unknown as { uptrustPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  globalForPrisma.uptrustPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 8, connectionTimeoutMillis: 10_000 }),
    // Prisma's default waits 2 s to start a transaction. The embedded database serves one statement at a time,
    // and the analyzer's first cycle can hold it longer: a sign-in should wait for it, not be refused.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return globalForPrisma.uptrustPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.uptrustPrisma;
  globalForPrisma.uptrustPrisma = undefined;
  await client?.$disconnect();
}
