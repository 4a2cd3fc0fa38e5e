// Tooling (Node only): homeserver.sh's database profile, without starting
// Synapse. HOMESERVER_DATABASE=postgres gives Synapse a second config file
// that replaces the template's SQLite block with the instance's own
// PostgreSQL cluster over a Unix socket; the instance keeps that choice until
// told otherwise, so a later start without the flag does not silently switch.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/homeserver.ts";

const script = join(repoRoot, "tools", "homeserver", "homeserver.sh");
const instance = `database-render-test-${process.pid}`;
const data = join(repoRoot, ".local", "homeserver", instance);

function render(database: string | undefined): { status: number | null; stderr: string } {
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOMESERVER_INSTANCE: instance,
    HOMESERVER_PORT: "8236",
  };
  delete env["HOMESERVER_DATABASE"];
  if (database !== undefined) env["HOMESERVER_DATABASE"] = database;
  const result = spawnSync("bash", [script, "render"], { env, encoding: "utf8" });
  return { status: result.status, stderr: result.stderr };
}

const recorded = (): string =>
  (JSON.parse(readFileSync(join(data, "instance.json"), "utf8")) as { database: string }).database;

afterAll(() => {
  rmSync(data, { recursive: true, force: true });
});

describe("homeserver.sh render: the database profile", { timeout: 60_000 }, () => {
  it("is SQLite by default, with no second config file", () => {
    expect(render(undefined).status).toBe(0);
    expect(recorded()).toBe("sqlite");
    expect(existsSync(join(data, "database.yaml"))).toBe(false);
    expect(readFileSync(join(data, "homeserver.yaml"), "utf8")).toContain(
      "database: /data/homeserver.db",
    );
  });

  it("with HOMESERVER_DATABASE=postgres, points Synapse at the instance's cluster over its socket", () => {
    expect(render("postgres").status).toBe(0);
    expect(recorded()).toBe("postgres");
    const config = readFileSync(join(data, "database.yaml"), "utf8");
    expect(config).toMatch(/^database:\n\s+name: psycopg2\n/m);
    expect(config).toContain("host: /data/postgres-socket");
    expect(config).not.toMatch(/^\s+port:/m);
  });

  it("keeps PostgreSQL on the next start without the flag, and switches back only when told", () => {
    expect(render(undefined).status).toBe(0);
    expect(recorded()).toBe("postgres");
    expect(existsSync(join(data, "database.yaml"))).toBe(true);
    expect(render("sqlite").status).toBe(0);
    expect(recorded()).toBe("sqlite");
    expect(existsSync(join(data, "database.yaml"))).toBe(false);
  });

  it("refuses an unknown database", () => {
    const result = render("mysql");
    expect(result.status).toBe(64);
    expect(result.stderr).toContain("HOMESERVER_DATABASE must be sqlite or postgres");
  });
});
