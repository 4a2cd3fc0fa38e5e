// Tooling: a long-running helper process (a Vite server) that can be stopped
// completely. `npx` starts the real server as its own child, so signalling
// npx alone leaves the server running (and holding the terminal's output
// open); the process therefore gets its own process group, and stopping it
// signals the whole group.

import { spawn, type ChildProcess } from "node:child_process";
import { repoRoot } from "./homeserver.ts";

export type BackgroundProcess = {
  readonly child: ChildProcess;
  /** Stops the process and everything it started. Safe to call twice. */
  readonly stop: () => void;
};

export function startBackground(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): BackgroundProcess {
  const child = spawn(command, args, {
    cwd: repoRoot,
    stdio: "inherit",
    detached: true,
    env: { ...process.env, ...env },
  });
  let stopped = false;
  const stop = (): void => {
    if (stopped || child.pid === undefined) return;
    stopped = true;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  // If this tool dies first, take the helper down with it.
  process.once("exit", stop);
  return { child, stop };
}
