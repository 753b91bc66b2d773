import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export type TlsMaterial = { cert: string; key: string };

/**
 * A throwaway certificate for 127.0.0.1 and localhost. Node 20's crypto can make keys but not X.509
 * certificates, so this runs the system's `openssl` once at start. The certificate is its own CA:
 * the kubeconfig carries it as certificate-authority-data, so kubectl and client-node verify it
 * as they would a real cluster's.
 */
export async function selfSignedCert(): Promise<TlsMaterial> {
  const dir = await mkdtemp(join(tmpdir(), "uptrust-emulator-tls-"));
  try {
    const [certPath, keyPath] = [join(dir, "tls.crt"), join(dir, "tls.key")];
    await promisify(execFile)("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
      "-subj", "/CN=uptrust-emulator", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,digitalSignature,keyCertSign",
      "-keyout", keyPath, "-out", certPath,
    ]);
    return { cert: await readFile(certPath, "utf8"), key: await readFile(keyPath, "utf8") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
