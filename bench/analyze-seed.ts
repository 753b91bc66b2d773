// A 30-day history of a 10,000-pod cluster, as the ingest worker would have stored it, seeded with
// set-based SQL (generate_series, INSERT … SELECT) so it takes minutes. Every value is derived from a
// hash of its coordinates (hashint8), so two runs seed the same rows. Shapes and volumes:
// - 100 nodes in three pools; 1,000 Deployments of 10 replicas in 50 namespaces (+ CoreDNS, 2, and the
//   ingress-nginx controller, 3); each Deployment rolled out 0–3 times in 30 days, every rollout replacing
//   its 10 pods (churn), with the ReplicaSets, changes, replica-count changes and pod events it causes;
// - one container per pod, a proxy sidecar on every fifth Deployment, requests and limits on all;
// - Services, EndpointSlices, HPAs, PDBs, NetworkPolicies, Ingresses and RBAC in kube_objects;
// - ingress-nginx access lines for the 100 Deployments behind the ingress (every tenth): 1–3 requests
//   per Deployment and minute, ~288,000 lines a day (3.3 requests/s), plus one application line per
//   Deployment every 15 minutes (~96,000 a day);
// - readiness-probe warnings (12 per Deployment a day), 5-minute usage rollups for 30 days;
// - raw usage samples at the default 30 s poll for the last 3 hours only: the cycle reads raw samples
//   only around incidents of its 24-hour lookback, by index, and older days sit in daily partitions it
//   never touches, so 14 days of them (480 million rows) would cost an hour of seeding and change no plan;
// - node usage every 30 s for 14 days (what capacity forecasts read);
// - a handful of incidents: a bad rollout that crash-loops and is rolled back, an OOM kill, a node that
//   goes NotReady, a 20-minute outage three days ago, and a request-success burn still going on.
import type pg from "pg";

export type SeedOptions = { deployments: number; days: number };

const MIN = 60_000;
const lit = (t: Date) => `'${t.toISOString()}'::timestamptz`;
// A non-negative pseudo-random integer from a bigint expression.
const h = (x: string) => `(hashint8((${x})::bigint) & 2147483647)`;
// Pod i of generation g.g of Deployment bw: "<name>-<replica set hash>-<5 characters>".
const podName = (i: string) => `bw.name || '-' || substr(md5(bw.w || '/' || g.g), 1, 10) || '-' || substr(md5(bw.w || '/' || g.g || '/' || ${i}), 1, 5)`;
const IMAGE = (gen: string) => `'registry.example.com/' || bw.ns || '/' || bw.name || ':1.' || (${gen})`;
const INGRESS_PODS = ["ingress-nginx-controller-6d5f7c9b8-a1b2c", "ingress-nginx-controller-6d5f7c9b8-d3e4f", "ingress-nginx-controller-6d5f7c9b8-g5h6i"];

export const INCIDENTS = {
  badRollout: 33, // crash-loops 150 minutes ago, rolled back 22 minutes later
  oomKilled: 141, // OOMKilled 40 minutes ago
  nodeNotReady: 77, // its pods on node-042, NotReady from 110 to 95 minutes ago
  oldOutage: 500, // 0/10 available for 20 minutes three days ago
  serverErrors: 250, // behind the ingress; 30 % of its requests answer 503 for the last 35 minutes
} as const;

// Deployments (w < n) plus CoreDNS and the ingress controller, with everything the seed derives from w.
// Temporary tables: a new connection that adds minutes (addMinute) creates them again first.
export function workloadTable(n: number, now: Date): string {
  return `
  CREATE TEMP TABLE bw AS
  SELECT w, 'team-' || lpad((w % 50)::text, 2, '0') AS ns, 'svc-' || lpad(w::text, 4, '0') AS name, 10 AS replicas,
         w % 10 = 0 AS serving, w % 4 AS rollouts, w % 5 = 0 AS sidecar,
         50 + (w % 6) * 25 AS cpu, (128 * (1 + w % 4))::bigint * 1048576 AS mem
    FROM generate_series(0, ${n - 1}) w
  UNION ALL VALUES (${n}, 'kube-system', 'coredns', 2, false, 0, false, 100, 70::bigint * 1048576),
                   (${n + 1}, 'ingress-nginx', 'ingress-nginx-controller', 3, false, 0, false, 500, 512::bigint * 1048576);
  -- Generation g of a Deployment's pods runs from its rollout until 90 s after the next one.
  CREATE TEMP TABLE bg AS
  SELECT w, g, start_at, lead(start_at) OVER (PARTITION BY w ORDER BY g) + interval '90 seconds' AS end_at
    FROM (SELECT bw.w, g, CASE WHEN g = 0 THEN ${lit(now)} - interval '45 days'
                               ELSE ${lit(now)} - interval '30 days' + g * interval '7 days' + (${h("bw.w * 131")} % 10080) * interval '1 minute' END AS start_at
            FROM bw CROSS JOIN generate_series(0, bw.rollouts) g) x;`;
}

function structure(c: string, now: Date, days: number): string[] {
  const N = lit(now);
  const bad = INCIDENTS.badRollout;
  return [
    `INSERT INTO namespaces (cluster_id, name, uid, created_at)
     SELECT ${c}, ns, 'ns-' || ns, ${N} - interval '60 days' FROM (SELECT DISTINCT ns FROM bw) t`,
    `INSERT INTO nodes (cluster_id, name, uid, labels, ready, conditions, allocatable_cpu_millis, allocatable_memory_bytes, kubelet_version, created_at, updated_at)
     SELECT ${c}, name, 'node-uid-' || i, jsonb_build_object('karpenter.sh/nodepool', pool, 'kubernetes.io/hostname', name), true,
            '[{"type":"Ready","status":"True"}]', cpu, mem::bigint * 1073741824, 'v1.32.4', ${N} - interval '60 days', ${N}
       FROM (SELECT i, 'node-' || lpad(i::text, 3, '0') AS name,
                    CASE WHEN i < 70 THEN 'general' WHEN i < 90 THEN 'memory' ELSE 'batch' END AS pool,
                    CASE WHEN i < 70 THEN 15890 WHEN i < 90 THEN 7910 ELSE 31850 END AS cpu,
                    CASE WHEN i < 70 THEN 62 WHEN i < 90 THEN 124 ELSE 124 END AS mem
               FROM generate_series(0, 99) i) n`,
    // Guardrail variety: every 7th has no liveness probe, every 11th may run as root, every 13th may
    // escalate privileges, every 9th reads a Secret into its environment, CPU limits on every 3rd.
    `INSERT INTO workloads (cluster_id, namespace, kind, name, uid, desired_replicas, ready_replicas, available_replicas, updated_replicas,
                            generation, observed_generation, revision, template, template_hash, spec_facts, created_at, updated_at)
     SELECT ${c}, bw.ns, 'Deployment', bw.name, 'wl-' || bw.w, bw.replicas, bw.replicas, bw.replicas, bw.replicas,
            bw.rollouts + 1, bw.rollouts + 1, (bw.rollouts + 1 + (bw.w = ${bad})::int * 2)::text,
            jsonb_build_object('replicas', bw.replicas, 'containers', jsonb_build_array(jsonb_build_object('name', 'app', 'image', ${IMAGE("bw.rollouts")}))),
            md5(bw.w || '/' || bw.rollouts),
            jsonb_build_object('labels', jsonb_build_object('app', bw.name, 'team', bw.ns), 'hostNetwork', false, 'hostPID', false, 'hostIPC', false,
              'containers', jsonb_build_array(jsonb_build_object('name', 'app', 'image', ${IMAGE("bw.rollouts")}, 'privileged', false,
                'allowPrivilegeEscalation', CASE WHEN bw.w % 13 = 0 THEN NULL ELSE false END,
                'runAsNonRoot', CASE WHEN bw.w % 11 = 0 THEN NULL ELSE true END, 'runAsUser', NULL, 'capabilitiesAdded', '[]'::jsonb,
                'requests', jsonb_build_object('cpu', bw.cpu || 'm', 'memory', (bw.mem / 1048576) || 'Mi'),
                'limits', CASE WHEN bw.w % 3 = 0 THEN jsonb_build_object('cpu', (bw.cpu * 2) || 'm', 'memory', (bw.mem / 524288) || 'Mi')
                               ELSE jsonb_build_object('memory', (bw.mem / 524288) || 'Mi') END,
                'livenessProbe', bw.w % 7 <> 0, 'readinessProbe', true,
                'secretEnv', CASE WHEN bw.w % 9 = 0 THEN '["DB_PASSWORD"]'::jsonb ELSE '[]'::jsonb END))),
            ${N} - interval '45 days', ${N}
       FROM bw`,
    `CREATE TEMP TABLE bp AS
     SELECT bw.w, g.g, i, ${podName("i")} AS name, md5(bw.w || '/' || g.g || '/' || i) AS uid, g.start_at, g.end_at,
            'node-' || lpad((${h("bw.w * 977 + g.g * 31 + i")} % 100)::text, 3, '0') AS node
       FROM bw JOIN bg g ON g.w = bw.w CROSS JOIN generate_series(0, bw.replicas - 1) i`,
    `INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, node_name, phase, ready, started_at, created_at, deleted_at, updated_at)
     SELECT ${c}, bw.ns, bp.name, bp.uid, 'Deployment', bw.name, bp.node, 'Running', bp.end_at IS NULL, bp.start_at + interval '20 seconds', bp.start_at, bp.end_at,
            coalesce(bp.end_at, bp.start_at + interval '20 seconds')
       FROM bp JOIN bw ON bw.w = bp.w`,
    `INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, limit_cpu_millis, limit_memory_bytes, ready, state)
     SELECT p.id, x.name, x.image, x.cpu, x.mem, x.cpu_limit, x.mem * 2, p.deleted_at IS NULL, CASE WHEN p.deleted_at IS NULL THEN 'running' ELSE 'terminated' END
       FROM pods p JOIN bp ON bp.uid = p.uid JOIN bw ON bw.w = bp.w JOIN bg g ON g.w = bp.w AND g.g = bp.g
       CROSS JOIN LATERAL (VALUES ('app', ${IMAGE("g.g")}, bw.cpu, bw.mem, CASE WHEN bw.w % 3 = 0 THEN bw.cpu * 2 END),
                                  ('proxy', 'envoyproxy/envoy:v1.31.2', 50, 64::bigint * 1048576, NULL)) x(name, image, cpu, mem, cpu_limit)
      WHERE x.name = 'app' OR bw.sidecar`,
    // A steady baseline, then per rollout two replicas down, one, none; a 40-second readiness blip every three days.
    `INSERT INTO workload_status (workload_id, ts, desired_replicas, available_replicas, ready_replicas, updated_replicas)
     SELECT wl.id, s.ts, bw.replicas, s.avail, s.avail, bw.replicas
       FROM bw JOIN workloads wl ON wl.cluster_id = ${c} AND wl.name = bw.name AND wl.namespace = bw.ns
       CROSS JOIN LATERAL (
         SELECT ${N} - interval '45 days' AS ts, bw.replicas AS avail
         UNION ALL SELECT g.start_at + d.off, bw.replicas - d.down FROM bg g CROSS JOIN (VALUES (interval '5 seconds', 2), (interval '35 seconds', 1), (interval '65 seconds', 0)) d(off, down)
                    WHERE g.w = bw.w AND g.g > 0
         UNION ALL SELECT ${N} - interval '${days} days' + b * interval '3 days' + (${h("bw.w * 7 + b")} % 4000) * interval '1 minute' + d.off, bw.replicas - d.down
                     FROM generate_series(0, ${Math.floor(days / 3) - 1}) b CROSS JOIN (VALUES (interval '0 seconds', 1), (interval '40 seconds', 0)) d(off, down)) s
     ON CONFLICT DO NOTHING`,
    `INSERT INTO changes (cluster_id, workload_id, kind, revision, manager, summary, before, after, observed_at)
     SELECT ${c}, wl.id, 'template', (g.g + 1)::text, 'argocd-controller', 'image app: ' || ${IMAGE("g.g - 1")} || ' → ' || ${IMAGE("g.g")},
            jsonb_build_object('containers', jsonb_build_array(jsonb_build_object('name', 'app', 'image', ${IMAGE("g.g - 1")}))),
            jsonb_build_object('containers', jsonb_build_array(jsonb_build_object('name', 'app', 'image', ${IMAGE("g.g")}))), g.start_at
       FROM bg g JOIN bw ON bw.w = g.w JOIN workloads wl ON wl.cluster_id = ${c} AND wl.name = bw.name AND wl.namespace = bw.ns
      WHERE g.g > 0`,
    `INSERT INTO kube_objects (cluster_id, api_version, kind, namespace, name, uid, labels, owner_kind, owner_name, spec, status, created_at, updated_at)
     SELECT ${c}, o.api, o.kind, o.ns, o.name, md5(o.kind || '/' || o.ns || '/' || o.name), o.labels, o.owner_kind, o.owner_name, o.spec, '{}', ${N} - interval '45 days', ${N}
       FROM (
         SELECT 'v1' AS api, 'Service' AS kind, ns, name, jsonb_build_object('app', name) AS labels, NULL AS owner_kind, NULL AS owner_name,
                jsonb_build_object('type', 'ClusterIP', 'selector', jsonb_build_object('app', name), 'ports', '[{"port":80,"targetPort":8080}]'::jsonb) AS spec FROM bw
         UNION ALL SELECT 'discovery.k8s.io/v1', 'EndpointSlice', ns, name || '-' || substr(md5(name), 1, 5), jsonb_build_object('kubernetes.io/service-name', name), 'Service', name,
                jsonb_build_object('endpoints', replicas, 'ready', replicas) FROM bw
         UNION ALL SELECT 'apps/v1', 'ReplicaSet', bw.ns, bw.name || '-' || substr(md5(bw.w || '/' || g.g), 1, 10), jsonb_build_object('app', bw.name), 'Deployment', bw.name,
                jsonb_build_object('replicas', CASE WHEN g.end_at IS NULL THEN bw.replicas ELSE 0 END) FROM bg g JOIN bw ON bw.w = g.w
         UNION ALL SELECT 'autoscaling/v2', 'HorizontalPodAutoscaler', ns, name, '{}', NULL, NULL,
                jsonb_build_object('scaleTargetRef', jsonb_build_object('apiVersion', 'apps/v1', 'kind', 'Deployment', 'name', name), 'minReplicas', 10, 'maxReplicas', 30,
                  'metrics', '[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":70}}}]'::jsonb) FROM bw WHERE w % 10 = 5
         UNION ALL SELECT 'policy/v1', 'PodDisruptionBudget', ns, name, '{}', NULL, NULL,
                jsonb_build_object('minAvailable', '80%', 'selector', jsonb_build_object('matchLabels', jsonb_build_object('app', name))) FROM bw WHERE w % 2 = 0
         UNION ALL SELECT 'networking.k8s.io/v1', 'Ingress', ns, name, '{}', NULL, NULL,
                jsonb_build_object('ingressClassName', 'nginx', 'rules', jsonb_build_array(jsonb_build_object('host', name || '.example.com'))) FROM bw WHERE serving
         UNION ALL SELECT 'networking.k8s.io/v1', 'NetworkPolicy', ns, 'default-deny', '{}', NULL, NULL, '{"podSelector":{},"policyTypes":["Ingress"]}'::jsonb
                FROM (SELECT DISTINCT ns FROM bw WHERE ns LIKE 'team-%' AND w % 50 % 3 <> 0) t
         UNION ALL SELECT 'rbac.authorization.k8s.io/v1', 'Role', ns, 'deployer', '{}', NULL, NULL,
                '{"rules":[{"apiGroups":["apps"],"resources":["deployments"],"verbs":["get","list","patch"]}]}'::jsonb FROM (SELECT DISTINCT ns FROM bw) t
         UNION ALL SELECT 'rbac.authorization.k8s.io/v1', 'RoleBinding', ns, 'deployer', '{}', NULL, NULL,
                jsonb_build_object('roleRef', '{"kind":"Role","name":"deployer"}'::jsonb, 'subjects', jsonb_build_array(jsonb_build_object('kind', 'ServiceAccount', 'name', 'ci', 'namespace', ns)))
                FROM (SELECT DISTINCT ns FROM bw) t
         UNION ALL VALUES ('rbac.authorization.k8s.io/v1', 'ClusterRole', '', 'cluster-admin', '{}'::jsonb, NULL, NULL, '{"rules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}'::jsonb),
                          ('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', '', 'ops-admin', '{}'::jsonb, NULL, NULL,
                           '{"roleRef":{"kind":"ClusterRole","name":"cluster-admin"},"subjects":[{"kind":"Group","name":"ops"}]}'::jsonb)
       ) o(api, kind, ns, name, labels, owner_kind, owner_name, spec)`,
    `INSERT INTO config_objects (cluster_id, kind, namespace, name, uid, content_hash, key_hashes, updated_at)
     SELECT ${c}, 'ConfigMap', ns, name || '-config', md5('cm/' || name), md5(name), jsonb_build_object('app.yaml', md5(name || 'y')), ${N} - interval '10 days' FROM bw`,
  ];
}

// Pod lifecycle events of the last `days` (older ones are past retention), a ScalingReplicaSet per
// rollout, and readiness-probe warnings every two hours per Deployment.
function events(c: string, now: Date, days: number): string[] {
  const N = lit(now);
  const since = `${N} - interval '${days} days'`;
  return [
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT ${c}, md5(bp.uid || e.reason), bw.ns, 'Pod', bp.name, e.reason, e.message, 'Normal', e.source, 1, bp.start_at + e.off, bp.start_at + e.off
       FROM bp JOIN bw ON bw.w = bp.w
       CROSS JOIN LATERAL (VALUES ('Scheduled', 'Successfully assigned ' || bw.ns || '/' || bp.name || ' to ' || bp.node, 'default-scheduler', interval '0 seconds'),
                                  ('Pulling', 'Pulling image "registry.example.com/' || bw.ns || '/' || bw.name || ':1.' || bp.g || '"', 'kubelet', interval '2 seconds'),
                                  ('Pulled', 'Successfully pulled image in 5.2s (5.2s including waiting)', 'kubelet', interval '8 seconds'),
                                  ('Created', 'Created container app', 'kubelet', interval '9 seconds'),
                                  ('Started', 'Started container app', 'kubelet', interval '10 seconds')) e(reason, message, source, off)
      WHERE bp.start_at >= ${since}`,
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT ${c}, md5(bp.uid || 'Killing'), bw.ns, 'Pod', bp.name, 'Killing', 'Stopping container app', 'Normal', 'kubelet', 1, bp.end_at, bp.end_at
       FROM bp JOIN bw ON bw.w = bp.w WHERE bp.end_at >= ${since} AND bp.end_at < ${N}`,
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT ${c}, md5('scale/' || bw.w || '/' || g.g), bw.ns, 'Deployment', bw.name, 'ScalingReplicaSet',
            'Scaled up replica set ' || bw.name || '-' || substr(md5(bw.w || '/' || g.g), 1, 10) || ' to ' || bw.replicas, 'Normal', 'deployment-controller', 1, g.start_at, g.start_at
       FROM bg g JOIN bw ON bw.w = g.w WHERE g.g > 0 AND g.start_at >= ${since}`,
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT ${c}, md5('unhealthy/' || bw.w || '/' || b), bw.ns, 'Pod', bw.name || '-' || substr(md5(bw.w || '/' || bw.rollouts), 1, 10) || '-' || substr(md5(bw.w || '/' || bw.rollouts || '/' || (b % 10)), 1, 5),
            'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 'Warning', 'kubelet', 1 + ${h("bw.w * 31 + b")} % 3, t, t + interval '20 seconds'
       FROM bw CROSS JOIN generate_series(0, ${days * 12 - 1}) b
       CROSS JOIN LATERAL (SELECT ${since} + b * interval '2 hours' + (${h("bw.w * 17 + b")} % 7200) * interval '1 second' AS t) x`,
  ];
}

// Access lines of the ingress controller for [from, to): 1–3 requests per serving Deployment and minute,
// 0.05 % 5xx, 2 % 404, 0.3 % slower than 500 ms; 30 % 503s for the server-errors Deployment's last 35 minutes.
export function accessLines(c: string, now: Date, from: Date, to: Date): string {
  const errorsFrom = lit(new Date(now.getTime() - 35 * MIN));
  return `
  INSERT INTO log_lines (cluster_id, namespace, pod, container, ts, seq, level, message)
  SELECT ${c}, 'ingress-nginx', (ARRAY['${INGRESS_PODS.join("','")}'])[1 + (bw.w / 10 + j) % 3], 'controller', ts, 0, NULL,
         format('198.51.100.%s - - [%s +0000] "%s %s HTTP/2.0" %s %s "-" "Mozilla/5.0 (X11; Linux x86_64)" %s %s [%s-%s-80] [] 10.244.%s.%s:8080 %s %s %s %s',
                2 + r % 250, to_char(ts AT TIME ZONE 'UTC', 'DD/Mon/YYYY:HH24:MI:SS'), CASE WHEN r % 5 = 0 THEN 'POST' ELSE 'GET' END, '/api/items/' || r % 1000,
                status, 200 + r % 5000, 300 + r % 600, secs, bw.ns, bw.name, r % 4, 2 + r % 250, 200 + r % 5000, secs, status, md5(r::text))
    FROM bw CROSS JOIN generate_series(${lit(from)}, ${lit(to)} - interval '1 minute', interval '1 minute') m
    CROSS JOIN generate_series(0, 2) j
    CROSS JOIN LATERAL (SELECT ${h("extract(epoch FROM m)::bigint / 60 * 1009 + bw.w * 3 + j")} AS r) rr
    CROSS JOIN LATERAL (SELECT m + j * interval '20 seconds' + (bw.w * 137 % 20000) * interval '1 millisecond' AS ts,
                               CASE WHEN bw.w = ${INCIDENTS.serverErrors} AND m >= ${errorsFrom} AND r % 10 < 3 THEN 503
                                    WHEN r % 10000 < 5 THEN 500 WHEN r % 10000 < 200 THEN 404 ELSE 200 END AS status,
                               to_char(CASE WHEN r % 1000 < 3 THEN 0.6 + (r % 600) / 1000.0 ELSE 0.005 + (r % 300) / 1000.0 END, 'FM0.000') AS secs) x
   WHERE bw.serving AND j <= ${h("extract(epoch FROM m)::bigint / 60 * 7 + bw.w")} % 3`;
}

// One application line per Deployment every 15 minutes from a pod of its live generation; 1 % errors.
export function appLines(c: string, from: Date, to: Date): string {
  return `
  INSERT INTO log_lines (cluster_id, namespace, pod, container, ts, seq, level, message)
  SELECT ${c}, bw.ns, ${podName("r % bw.replicas")}, 'app', t, 0, CASE WHEN r % 100 = 0 THEN 'error' ELSE 'info' END,
         CASE WHEN r % 100 = 0 THEN '{"level":"error","msg":"request to inventory failed","err":"context deadline exceeded"}'
              ELSE '{"level":"info","msg":"handled batch","items":' || r % 500 || ',"ms":' || r % 90 || '}' END
    FROM bw JOIN bg g ON g.w = bw.w
    CROSS JOIN generate_series(date_trunc('hour', greatest(g.start_at, ${lit(from)})), least(coalesce(g.end_at, ${lit(to)}), ${lit(to)}), interval '15 minutes') t
    CROSS JOIN LATERAL (SELECT ${h("extract(epoch FROM t)::bigint * 13 + bw.w")} AS r) rr
   WHERE t >= greatest(g.start_at, ${lit(from)}) AND t < least(coalesce(g.end_at, ${lit(to)}), ${lit(to)})
     AND (g.end_at IS NULL OR t < g.end_at - interval '90 seconds')
  ON CONFLICT DO NOTHING`;
}

// 5-minute usage rollups of every Deployment container in [from, to): a diurnal load on a share of the
// request that differs per Deployment (every fifth is over-provisioned at 5 %).
export function usageRollups(c: string, from: Date, to: Date): string {
  return `
  INSERT INTO usage_rollups_5m (cluster_id, namespace, owner_kind, owner_name, container, bucket, samples, cpu_p50, cpu_p95, cpu_max, memory_p50, memory_p95, memory_max)
  SELECT ${c}, bw.ns, 'Deployment', bw.name, x.name, b, bw.replicas * 10, p50, p50 * 1.6, p50 * 2.2, mem_use, (mem_use * 1.1)::bigint, (mem_use * 1.2)::bigint
    FROM bw CROSS JOIN generate_series(${lit(from)}, ${lit(to)} - interval '5 minutes', interval '5 minutes') b
    CROSS JOIN LATERAL (VALUES ('app', bw.cpu, bw.mem), ('proxy', 50, 64::bigint * 1048576)) x(name, cpu, mem_request)
    CROSS JOIN LATERAL (SELECT x.cpu * CASE WHEN bw.w % 5 = 0 THEN 0.05 ELSE 0.2 + (bw.w % 4) * 0.1 END
                               * (1 + 0.3 * sin(2 * pi() * extract(epoch FROM b) / 86400)) * (0.9 + (${h("extract(epoch FROM b)::bigint + bw.w")} % 200) / 1000.0) AS p50,
                               (x.mem_request * (0.3 + (bw.w % 4) * 0.15))::bigint AS mem_use) u
   WHERE x.name = 'app' OR bw.sidecar
  ON CONFLICT (cluster_id, namespace, owner_kind, owner_name, container, bucket) DO UPDATE SET samples = EXCLUDED.samples`;
}

// Raw samples of every live container at the 30 s poll in [from, to).
export function usageSamples(c: string, from: Date, to: Date): string {
  return `
  INSERT INTO usage_samples (cluster_id, namespace, pod, container, workload_kind, workload_name, ts, cpu_millis, memory_bytes)
  SELECT ${c}, p.namespace, p.name, k.name, p.workload_kind, p.workload_name, t,
         coalesce(k.request_cpu_millis, 100) * (0.1 + (${h("extract(epoch FROM t)::bigint + length(p.name) * 31 + ascii(right(p.name, 1))")} % 500) / 1000.0),
         (coalesce(k.request_memory_bytes, 134217728) * 0.4)::bigint
    FROM pods p JOIN containers k ON k.pod_id = p.id
    CROSS JOIN generate_series(${lit(from)}, ${lit(to)} - interval '30 seconds', interval '30 seconds') t
   WHERE p.cluster_id = ${c} AND p.deleted_at IS NULL`;
}

// Node usage every 30 s in [from, to): around half of allocatable, diurnal, growing 2 % a week.
export function nodeUsage(c: string, now: Date, from: Date, to: Date): string {
  return `
  INSERT INTO node_usage (cluster_id, node, ts, cpu_millis, memory_bytes)
  SELECT ${c}, n.name, t,
         n.allocatable_cpu_millis * (0.45 + 0.1 * sin(2 * pi() * extract(epoch FROM t) / 86400) + 0.02 * extract(epoch FROM t - ${lit(now)}) / 604800
                                     + (${h("extract(epoch FROM t)::bigint + length(n.uid) * 7 + ascii(right(n.name, 1))")} % 100) / 2000.0),
         (n.allocatable_memory_bytes * (0.5 + 0.02 * extract(epoch FROM t - ${lit(now)}) / 604800))::bigint
    FROM nodes n CROSS JOIN generate_series(${lit(from)}, ${lit(to)} - interval '30 seconds', interval '30 seconds') t
   WHERE n.cluster_id = ${c}`;
}

// The incidents' facts on top of the routine ones.
function incidents(c: string, now: Date): string[] {
  const at = (minutesAgo: number) => lit(new Date(now.getTime() - minutesAgo * MIN));
  const wl = (w: number) => `(SELECT wl.id FROM workloads wl JOIN bw ON bw.name = wl.name AND bw.ns = wl.namespace WHERE wl.cluster_id = ${c} AND bw.w = ${w})`;
  const ns = (w: number) => `(SELECT ns FROM bw WHERE w = ${w})`;
  const { badRollout: bad, oomKilled: oom, nodeNotReady: nnr, oldOutage: old } = INCIDENTS;
  const status = (w: number, rows: [number, number][]) =>
    `INSERT INTO workload_status SELECT ${wl(w)}, ${lit(now)} - m * interval '1 minute', 10, a, a, 10 FROM (VALUES ${rows.map(([m, a]) => `(${m}, ${a})`).join(", ")}) v(m, a) ON CONFLICT DO NOTHING`;
  return [
    // Bad rollout: 2.4.0 crash-loops (three surge pods), two old pods go, rolled back after 22 minutes.
    `INSERT INTO changes (cluster_id, workload_id, kind, revision, manager, summary, before, after, observed_at)
     SELECT ${c}, ${wl(bad)}, 'template', v.rev, 'kubectl-client-side-apply', 'image app: ' || v.a || ' → ' || v.b,
            jsonb_build_object('containers', jsonb_build_array(jsonb_build_object('name', 'app', 'image', v.a))),
            jsonb_build_object('containers', jsonb_build_array(jsonb_build_object('name', 'app', 'image', v.b))), v.t
       FROM (SELECT 'registry.example.com/' || ns || '/' || name || ':1.' || rollouts AS img FROM bw WHERE w = ${bad}) i
       CROSS JOIN LATERAL (VALUES ('3', i.img, replace(i.img, ':1.', ':2.4.'), ${at(150)}), ('4', replace(i.img, ':1.', ':2.4.'), i.img, ${at(128)})) v(rev, a, b, t)`,
    status(bad, [[150, 8], [128, 9], [127, 10]]),
    `WITH crash AS (
       INSERT INTO pods (cluster_id, namespace, name, uid, workload_kind, workload_name, node_name, phase, ready, restart_count, started_at, created_at, deleted_at, updated_at)
       SELECT ${c}, ${ns(bad)}, 'svc-${String(bad).padStart(4, "0")}-7f8d2c4b9a-' || k, 'crash-' || k, 'Deployment', 'svc-${String(bad).padStart(4, "0")}', node, 'Running', false, 6,
              ${at(150)}, ${at(150)}, ${at(127)}, ${at(127)} FROM (VALUES ('zx1aa', 'node-010'), ('zx2bb', 'node-011'), ('zx3cc', 'node-012')) v(k, node) RETURNING id, name)
     INSERT INTO containers (pod_id, name, image, request_cpu_millis, request_memory_bytes, ready, restart_count, state, state_reason, last_termination_reason, last_terminated_at)
     SELECT id, 'app', 'registry.example.com/app:2.4.0', 100, 268435456, false, 6, 'waiting', 'CrashLoopBackOff', 'Error', ${at(129)} FROM crash`,
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT ${c}, 'backoff-' || k, ${ns(bad)}, 'Pod', 'svc-${String(bad).padStart(4, "0")}-7f8d2c4b9a-' || k, 'BackOff', 'Back-off restarting failed container app in pod', 'Warning', 'kubelet', 12,
            ${at(149)}, ${at(128)} FROM unnest(ARRAY['zx1aa', 'zx2bb', 'zx3cc']) k`,
    `INSERT INTO log_lines (cluster_id, namespace, pod, container, ts, seq, level, message)
     SELECT ${c}, ${ns(bad)}, 'svc-${String(bad).padStart(4, "0")}-7f8d2c4b9a-' || k, 'app', ${at(149)} + s * interval '1 minute', 0, 'error', 'panic: config: DATABASE_URL is not set'
       FROM unnest(ARRAY['zx1aa', 'zx2bb', 'zx3cc']) k CROSS JOIN generate_series(0, 20) s`,
    // OOM kill: one replica restarts after its memory limit, the kernel's event on the node.
    `UPDATE containers SET last_termination_reason = 'OOMKilled', last_terminated_at = ${at(40)}, restart_count = 3
      WHERE name = 'app' AND pod_id = (SELECT id FROM pods WHERE cluster_id = ${c} AND workload_name = 'svc-${String(oom).padStart(4, "0")}' AND deleted_at IS NULL ORDER BY name LIMIT 1)`,
    status(oom, [[40, 9], [39, 10]]),
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     SELECT ${c}, 'oom-1', '', 'Node', node_name, 'OOMKilling', 'Memory cgroup out of memory: Killed process 4242 (app) total-vm:2097152kB', 'Warning', 'kernel-monitor', 1, ${at(40)}, ${at(40)}
       FROM pods WHERE cluster_id = ${c} AND workload_name = 'svc-${String(oom).padStart(4, "0")}' AND deleted_at IS NULL ORDER BY name LIMIT 1`,
    // node-042 stops reporting; its pods of one Deployment are evicted and come back elsewhere.
    `INSERT INTO k8s_events (cluster_id, uid, namespace, involved_kind, involved_name, reason, message, type, source, count, first_seen, last_seen)
     VALUES (${c}, 'nnr-1', '', 'Node', 'node-042', 'NodeNotReady', 'Node node-042 status is now: NodeNotReady', 'Normal', 'node-controller', 1, ${at(110)}, ${at(110)})`,
    `UPDATE pods SET node_name = 'node-042' WHERE cluster_id = ${c} AND workload_name = 'svc-${String(nnr).padStart(4, "0")}' AND deleted_at IS NULL
        AND name IN (SELECT name FROM pods WHERE cluster_id = ${c} AND workload_name = 'svc-${String(nnr).padStart(4, "0")}' AND deleted_at IS NULL ORDER BY name LIMIT 2)`,
    status(nnr, [[105, 8], [96, 10]]),
    // Three days ago: 0/10 for 20 minutes (beyond the detection lookback; it spends the SLO's budget).
    status(old, [[3 * 1440 + 20, 0], [3 * 1440, 10]]),
  ];
}

export async function seedCluster(db: pg.ClientBase, opts: SeedOptions, now: Date, log: (what: string, ms: number) => void): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO clusters (name, server, status, last_event_at, last_sync_at, created_at) VALUES ('bench', 'https://10.0.0.1:6443', 'connected', $1, $1, $2) RETURNING id`,
    [now, new Date(now.getTime() - (opts.days + 1) * 1440 * MIN)],
  );
  const c = `'${rows[0].id}'::uuid`;
  const since = new Date(now.getTime() - opts.days * 1440 * MIN);
  const steps: [string, string[]][] = [
    ["workloads, pods, containers, status, changes, objects", [workloadTable(opts.deployments, now), ...structure(c, now, opts.days)]],
    ["events", events(c, now, opts.days)],
    ["access-log lines", [accessLines(c, now, since, now)]],
    ["application log lines", [appLines(c, since, now)]],
    ["usage rollups", [usageRollups(c, since, now)]],
    ["raw usage samples", [usageSamples(c, new Date(now.getTime() - 180 * MIN), now)]],
    ["node usage", [nodeUsage(c, now, new Date(now.getTime() - Math.min(opts.days, 14) * 1440 * MIN), now)]],
    ["incidents", incidents(c, now)],
  ];
  for (const [what, sqls] of steps) {
    const t = performance.now();
    for (const sql of sqls) await db.query(sql);
    log(what, performance.now() - t);
  }
  return rows[0].id;
}

// One more minute of facts ending at `to`, as ingest would add them, and the cluster's clock moved on.
export async function addMinute(db: pg.ClientBase, clusterId: string, now: Date, to: Date): Promise<void> {
  const c = `'${clusterId}'::uuid`;
  const from = new Date(to.getTime() - MIN);
  const bucket = new Date(Math.floor(from.getTime() / (5 * MIN)) * 5 * MIN);
  for (const sql of [accessLines(c, now, from, to), appLines(c, from, to), usageSamples(c, from, to), nodeUsage(c, now, from, to), usageRollups(c, bucket, new Date(bucket.getTime() + 5 * MIN))]) {
    await db.query(sql);
  }
  await db.query(`UPDATE clusters SET last_event_at = $2, last_sync_at = $2 WHERE id = $1`, [clusterId, to]);
}
