import type pg from "pg";

// Clusters an admin registered with their own kubeconfig (`npm run cluster:register`), watched by any
// ingest worker without touching its KUBECONFIG.

export type RegisteredCluster = { id: string; name: string; kubeconfig: string };

export async function listRegisteredClusters(db: pg.Pool): Promise<RegisteredCluster[]> {
  const { rows } = await db.query<RegisteredCluster>(
    `SELECT id, name, kubeconfig FROM clusters WHERE source = 'registered' AND kubeconfig IS NOT NULL ORDER BY name`,
  );
  return rows;
}

export async function registerCluster(db: pg.Pool, name: string, server: string, kubeconfig: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO clusters (name, server, source, kubeconfig) VALUES ($1, $2, 'registered', $3)
     ON CONFLICT (name) DO UPDATE SET server = EXCLUDED.server, source = 'registered', kubeconfig = EXCLUDED.kubeconfig
     RETURNING id`,
    [name, server, kubeconfig],
  );
  return rows[0].id;
}
