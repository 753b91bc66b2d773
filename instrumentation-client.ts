import { z } from "zod";

// Runs in the browser before any of Uptrust's modules. The Content-Security-Policy forbids eval, and zod
// otherwise probes for it with Function("") as each object schema is built, which the browser reports as a
// violation. Without the probe zod validates forms the interpreted way, fast enough for what a person types.
z.config({ jitless: true });
