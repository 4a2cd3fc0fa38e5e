// Tooling (Node only): the two halves the e2e suite runs in, side by side.
// Each half has its own homeserver instance, services (ports per instance in
// deployment.ts), client build and `vite preview` port, so the halves never
// share accounts, rooms or a build. tools/run-tests.ts starts them;
// e2e/support/e2eInstance.ts tells a spec which half it runs in.
import { join } from "node:path";
import { repoRoot, type HomeserverInstance } from "./homeserver.ts";

export type E2eInstance = Extract<HomeserverInstance, "test" | "test-b">;

/** The halves in order: Playwright's --shard=1/2 runs on `test`, 2/2 on `test-b`. */
export const E2E_INSTANCES: readonly E2eInstance[] = ["test", "test-b"];

/** Where `vite preview` serves each half's client build. */
export const E2E_CLIENT_PORT: Readonly<Record<E2eInstance, number>> = {
  test: 4173,
  "test-b": 4174,
};

/**
 * Each half's client build: `test` uses Vite's usual client/dist (the benches
 * and a developer's by-hand runs read it there), the other half a folder of
 * its own, because each build carries its own homeserver and service addresses.
 */
export const E2E_CLIENT_DIST: Readonly<Record<E2eInstance, string>> = {
  test: join(repoRoot, "client", "dist"),
  "test-b": join(repoRoot, ".local", "client-dist", "test-b"),
};
