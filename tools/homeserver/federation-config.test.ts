// Tooling (Node only): homeserver.sh's federation mode, without starting
// Synapse (client/test/integration/federation.test.ts runs two that federate).
// `render` with HOMESERVER_FEDERATION_ADDRESS writes the TLS listener, a
// certificate for that address from the local CA, the peers as the only
// allowed servers, and an outbound block list that leaves exactly 127.0.0.0/8.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/homeserver.ts";

const script = join(repoRoot, "tools", "homeserver", "homeserver.sh");
const instance = `federation-render-test-${process.pid}`;
const data = join(repoRoot, ".local", "homeserver", instance);
const caCertificate = join(repoRoot, ".local", "homeserver", "federation-ca", "ca.crt");

function render(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync("bash", [script, "render"], {
    env: { ...process.env, HOMESERVER_INSTANCE: instance, HOMESERVER_PORT: "8237", ...env },
    encoding: "utf8",
  });
  return { status: result.status, stderr: result.stderr };
}

afterAll(() => {
  rmSync(data, { recursive: true, force: true });
});

/** An IPv4 CIDR as its first address and size. */
function range(cidr: string): { start: number; size: number } {
  const [address = "", bits = "32"] = cidr.split("/");
  const start = address.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
  return { start, size: 2 ** (32 - Number(bits)) };
}

describe("homeserver.sh render, federation mode", { timeout: 60_000 }, () => {
  it("writes a TLS listener on the loopback alias, the peers as the only servers, and a certificate from the local CA", () => {
    const result = render({
      HOMESERVER_FEDERATION_ADDRESS: "127.0.0.9",
      HOMESERVER_FEDERATION_PEERS: "127.0.0.10:8448, 127.0.0.11:8448",
    });
    expect(result.stderr).toContain("config rendered");
    expect(result.status).toBe(0);

    const config = readFileSync(join(data, "federation.yaml"), "utf8");
    expect(config).toMatch(
      /- port: 8448\n\s+bind_addresses: \["127\.0\.0\.9"\]\n\s+type: http\n\s+tls: true/,
    );
    expect(config).toContain('federation_domain_whitelist: ["127.0.0.10:8448", "127.0.0.11:8448"]');
    expect(config).toContain("federation_verify_certificates: true");
    expect(config).toContain("federation_custom_ca_list: [/data/tls/ca.crt]");
    const instanceInfo = JSON.parse(readFileSync(join(data, "instance.json"), "utf8")) as {
      serverName: string;
    };
    expect(instanceInfo.serverName).toBe("127.0.0.9:8448");

    const certificate = join(data, "tls", "server.crt");
    const verified = execFileSync("openssl", ["verify", "-CAfile", caCertificate, certificate], {
      encoding: "utf8",
    });
    expect(verified.trim()).toBe(`${certificate}: OK`);
    const text = execFileSync(
      "openssl",
      ["x509", "-in", certificate, "-noout", "-ext", "subjectAltName"],
      {
        encoding: "utf8",
      },
    );
    expect(text).toContain("IP Address:127.0.0.9");
    expect(readFileSync(join(data, "tls", "ca.crt"), "utf8")).toBe(
      readFileSync(caCertificate, "utf8"),
    );
  });

  it("blocks every outbound address but 127.0.0.0/8: all of IPv6 and the rest of IPv4, exactly", () => {
    const config = readFileSync(join(data, "federation.yaml"), "utf8");
    const block = /federation_ip_range_blacklist:\n((?:\s+- "[^"]+"\n)+)/.exec(config)?.[1] ?? "";
    const entries = [...block.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(entries).toContain("::/0");
    const ipv4 = entries.filter((entry) => entry.includes(".")).map(range);
    ipv4.push(range("127.0.0.0/8"));
    ipv4.sort((x, y) => x.start - y.start);
    let next = 0;
    for (const { start, size } of ipv4) {
      expect(start).toBe(next);
      next = start + size;
    }
    expect(next).toBe(2 ** 32);
  });

  it("without federation, writes no federation config and keeps the server name", () => {
    const result = render({});
    expect(result.status).toBe(0);
    expect(() => readFileSync(join(data, "federation.yaml"))).toThrow();
    const instanceInfo = JSON.parse(readFileSync(join(data, "instance.json"), "utf8")) as {
      serverName: string;
    };
    expect(instanceInfo.serverName).toBe("localhost");
  });

  it("refuses an address outside loopback, and federation without named peers", () => {
    const outside = render({
      HOMESERVER_FEDERATION_ADDRESS: "192.0.2.1",
      HOMESERVER_FEDERATION_PEERS: "127.0.0.3:8448",
    });
    expect(outside.status).toBe(64);
    expect(outside.stderr).toContain("must be a loopback address");
    const noPeers = render({ HOMESERVER_FEDERATION_ADDRESS: "127.0.0.9" });
    expect(noPeers.status).toBe(64);
    expect(noPeers.stderr).toContain("HOMESERVER_FEDERATION_PEERS");
  });
});
