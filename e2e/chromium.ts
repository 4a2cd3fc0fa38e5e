// Debian's Chromium and the flags it needs here (root, closed network).
// Playwright cannot download its own browser on this machine.
import { execFileSync } from "node:child_process";

export function chromiumPath(): string {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).trim();
  } catch {
    throw new Error(
      "Chromium not found: install Debian's chromium package (npm test does it for you) or set CHROMIUM_PATH",
    );
  }
}

export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
