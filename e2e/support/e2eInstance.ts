// e2e support: which half of the suite this Playwright run is. tools/run-tests.ts
// runs the suite in two halves side by side (Playwright's --shard), each
// against its own homeserver instance, services and client build
// (tools/lib/e2eHalves.ts), so specs never share accounts or rooms with the
// other half. A run started by hand is the `test` half unless
// SBD_E2E_INSTANCE says otherwise.
import type { E2eInstance } from "../../tools/lib/e2eHalves.ts";

export { E2E_CLIENT_DIST, E2E_CLIENT_PORT, type E2eInstance } from "../../tools/lib/e2eHalves.ts";

export const E2E_INSTANCE: E2eInstance =
  process.env["SBD_E2E_INSTANCE"] === "test-b" ? "test-b" : "test";
