import { describe, expect, it } from "vitest";
import { createLogRedactor, luhnValid, redactSecrets } from "./redact.ts";

describe("secrets in log lines", () => {
  it("keeps the user and host of a connection string but not its password", () => {
    expect(redactSecrets("connecting to postgres://checkout:hunter2-prod@db.shop.svc:5432/checkout")).toBe(
      "connecting to postgres://checkout:[REDACTED password]@db.shop.svc:5432/checkout",
    );
  });

  it("drops the values of password, token and key fields in JSON, logfmt and env forms, keeping the names", () => {
    expect(redactSecrets('{"level":"info","msg":"config loaded","db_password":"s3cr3t!","port":8080}')).toBe(
      '{"level":"info","msg":"config loaded","db_password":"[REDACTED secret]","port":8080}',
    );
    expect(redactSecrets("level=debug msg=login user=ana api_key=abc123def456 ok=true")).toBe("level=debug msg=login user=ana api_key=[REDACTED secret] ok=true");
    expect(redactSecrets("DB_PASSWORD=hunter2 STRIPE_SECRET=whsec_123")).toBe("DB_PASSWORD=[REDACTED secret] STRIPE_SECRET=[REDACTED secret]");
    expect(redactSecrets("X-Api-Key: 9f8e7d6c5b4a")).toBe("X-Api-Key: [REDACTED secret]");
  });

  it("redacts bearer tokens and authorization headers, saying which scheme it was", () => {
    expect(redactSecrets("GET /v1/orders Authorization: Bearer abc.def-ghi_jkl~mnopqrstu")).toBe("GET /v1/orders Authorization: Bearer [REDACTED credential]");
    expect(redactSecrets('upstream said: authorization="Basic dXNlcjpwYXNz"')).toBe('upstream said: authorization="Basic [REDACTED credential]"');
    expect(redactSecrets("retrying with bearer 0123456789abcdef0123")).toBe("retrying with bearer [REDACTED token]");
  });

  it("recognises JWTs and the cloud providers' key formats wherever they appear", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEiLCJyb2xlIjoiYWRtaW4ifQ.s5yV0cRzq5g5Zl0S4f0GmX3i9bFq8w";
    expect(redactSecrets(`session for ana: ${jwt} expires in 3600s`)).toBe("session for ana: [REDACTED jwt] expires in 3600s");
    expect(redactSecrets("using AKIAIOSFODNN7EXAMPLE in eu-west-1")).toBe("using [REDACTED cloud key] in eu-west-1");
    expect(redactSecrets("github push with ghp_0123456789abcdefghijABCDEFGHIJ012345")).toBe("github push with [REDACTED cloud key]");
    expect(redactSecrets("charge via sk_live_51Habcdefghijklmnop failed")).toBe("charge via [REDACTED cloud key] failed");
  });

  it("redacts a private key inside one message, and across lines of one stream", () => {
    expect(redactSecrets("key: -----BEGIN RSA PRIVATE KEY-----\\nMIIEow...\\n-----END RSA PRIVATE KEY----- loaded")).toBe("key: [REDACTED private key] loaded");
    const redact = createLogRedactor();
    const lines = ["loading TLS key", "-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "BKcwggSjAgEAAoIBAQC7", "-----END PRIVATE KEY-----", "listening on :8443"];
    expect(lines.map(redact)).toEqual(["loading TLS key", "[REDACTED private key]", "[REDACTED private key]", "[REDACTED private key]", "[REDACTED private key]", "listening on :8443"]);
  });

  it("redacts card numbers that pass the Luhn check, and leaves ids and timestamps alone", () => {
    expect(redactSecrets("payment for card 4111 1111 1111 1111 declined")).toBe("payment for card [REDACTED card number] declined");
    expect(redactSecrets("card=5500-0000-0000-0004")).toBe("card=[REDACTED card number]");
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(redactSecrets("trace 1732530000123456 order o-482913 took 35 ms")).toBe("trace 1732530000123456 order o-482913 took 35 ms");
  });

  it("changes nothing in an ordinary line an SRE needs to read", () => {
    const lines = [
      '{"level":"error","msg":"config: PAYMENT_URL is not set"}',
      '198.51.100.7 - - [25/Nov/2026:10:00:01 +0000] "GET /products/42 HTTP/2.0" 200 5120 "https://shop.example.com/" "Mozilla/5.0" 412 0.034',
      "panic: runtime error: invalid memory address or nil pointer dereference",
      "I1125 10:00:00.123456       1 leaderelection.go:258] successfully acquired lease kube-system/kube-controller-manager",
      "the secret rotation finished for 3 services",
    ];
    for (const line of lines) expect(redactSecrets(line)).toBe(line);
  });
});
