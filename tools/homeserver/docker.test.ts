// Tooling (Node only): the Docker / Podman set-up without a container engine.
// `homeserver.sh docker` writes what the official Synapse image needs before
// its first start (a config that listens on 0.0.0.0:8008 inside the container,
// a signing key: the image's run mode makes neither), and
// deploy/docker/compose.yaml runs the pinned version with the port published
// on loopback only. The local root filesystem's config keeps loopback.
import { execFileSync } from "node:child_process";
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/homeserver.ts";

const script = join(repoRoot, "tools", "homeserver", "homeserver.sh");
const dockerInstance = `docker-test-${process.pid}`;
const localInstance = `render-test-${process.pid}`;
const dataDir = (instance: string): string => join(repoRoot, ".local", "homeserver", instance);

function homeserver(instance: string, port: string, command: string): string {
  return execFileSync("bash", [script, command], {
    env: { ...process.env, HOMESERVER_INSTANCE: instance, HOMESERVER_PORT: port },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

afterAll(() => {
  rmSync(dataDir(dockerInstance), { recursive: true, force: true });
  rmSync(dataDir(localInstance), { recursive: true, force: true });
});

/** The listener block's port and bind addresses, as homeserver.yaml states them. */
function listener(config: string): { port: string; bind: string } {
  const match = /^listeners:\n(?:\s*#.*\n)*\s*- port: (\S+)\n\s*bind_addresses: \[(.*)\]/m.exec(
    config,
  );
  if (match === null) throw new Error("no listener in homeserver.yaml");
  return { port: match[1] ?? "", bind: match[2] ?? "" };
}

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410), so Node can load the key.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

describe("homeserver.sh docker (no container engine needed)", { timeout: 30_000 }, () => {
  it("writes a config that listens on 0.0.0.0:8008 inside the container, reached on the host's loopback", () => {
    homeserver(dockerInstance, "8239", "docker");
    const config = readFileSync(join(dataDir(dockerInstance), "homeserver.yaml"), "utf8");
    expect(listener(config)).toEqual({ port: "8008", bind: '"0.0.0.0"' });
    expect(config).toContain('public_baseurl: "http://127.0.0.1:8239/"');
    expect(config).toContain("signing_key_path: /data/signing.key");
    expect(config).toContain("database: /data/homeserver.db");
    const settings = config.split("\n").filter((line) => !line.trimStart().startsWith("#"));
    expect(settings.filter((line) => /@[A-Z_]+@/.test(line))).toEqual([]);
    expect(existsSync(join(dataDir(dockerInstance), "log.config"))).toBe(true);
    const instance = JSON.parse(
      readFileSync(join(dataDir(dockerInstance), "instance.json"), "utf8"),
    ) as { homeserverUrl: string };
    expect(instance.homeserverUrl).toBe("http://127.0.0.1:8239");
  });

  it("writes a signing key Synapse can load: an Ed25519 seed under an a_ key id, kept on the next run", () => {
    const keyFile = join(dataDir(dockerInstance), "signing.key");
    const key = readFileSync(keyFile, "utf8");
    const match = /^ed25519 (a_[A-Za-z]{4}) ([A-Za-z0-9+/]{43})\n$/.exec(key);
    expect(match).not.toBeNull();
    const seed = Buffer.from(match?.[2] ?? "", "base64");
    expect(seed).toHaveLength(32);
    const privateKey = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: "der",
      type: "pkcs8",
    });
    const message = Buffer.from("a federation request");
    const signature = sign(null, message, privateKey);
    expect(verify(null, message, createPublicKey(privateKey), signature)).toBe(true);

    homeserver(dockerInstance, "8239", "docker");
    expect(readFileSync(keyFile, "utf8")).toBe(key);
  });

  it("refuses the PostgreSQL profile, which needs the root filesystem", () => {
    expect(() =>
      execFileSync("bash", [script, "docker"], {
        env: {
          ...process.env,
          HOMESERVER_INSTANCE: dockerInstance,
          HOMESERVER_DATABASE: "postgres",
        },
        stdio: "pipe",
      }),
    ).toThrow(/SQLite only/);
  });

  it("leaves the local root filesystem's config on loopback at its own port", () => {
    homeserver(localInstance, "8238", "render");
    const config = readFileSync(join(dataDir(localInstance), "homeserver.yaml"), "utf8");
    expect(listener(config)).toEqual({ port: "8238", bind: '"127.0.0.1"' });
    expect(existsSync(join(dataDir(localInstance), "signing.key"))).toBe(false);
  });
});

describe("deploy/docker/compose.yaml", { timeout: 30_000 }, () => {
  const compose = readFileSync(join(repoRoot, "deploy", "docker", "compose.yaml"), "utf8");
  const pin = readFileSync(join(repoRoot, "tools", "homeserver", "synapse.pin"), "utf8");
  const debianVersion = /^SYNAPSE_VERSION=(\S+)$/m.exec(pin)?.[1] ?? "";

  it("runs the official image at the pinned upstream version", () => {
    const upstream = debianVersion.replace(/-[^-]+$/, "");
    expect(upstream).toMatch(/^\d+\.\d+\.\d+$/);
    expect(compose).toContain(`image: \${SBD_SYNAPSE_IMAGE:-matrixdotorg/synapse:v${upstream}}`);
  });

  it("publishes the port on the host's loopback only and mounts the instance's data folder", () => {
    expect(compose).toContain('- "127.0.0.1:${HOMESERVER_PORT:-8008}:8008"');
    expect(compose).toMatch(/^\s+- \$\{SBD_HOMESERVER_DATA:-[^}]+\}:\/data$/m);
    expect(compose).toContain("SYNAPSE_CONFIG_PATH: /data/homeserver.yaml");
    expect(compose).toContain("UID: ${SBD_UID:-991}");
  });
});
