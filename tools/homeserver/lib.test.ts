// Tooling (Node only): tools/homeserver/lib.sh's decisions on machines other
// than this one. Each case is a fake machine (os-release, apt sources, a
// root filesystem's dpkg status) in a scratch folder; a mirror "answers" for a
// suite when the fake's list says so, so no network is used. Mirror names end
// in .invalid: the repository names no real mirror.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/homeserver.ts";

const lib = join(repoRoot, "tools", "homeserver", "lib.sh");
const scratch = mkdtempSync(join(tmpdir(), "sbd-homeserver-lib-"));
const pin = readFileSync(join(repoRoot, "tools", "homeserver", "synapse.pin"), "utf8");
const pinnedVersion = /^SYNAPSE_VERSION=(\S+)$/m.exec(pin)?.[1] ?? "";

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const DEBIAN_OS = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\nVERSION_CODENAME=bookworm\n`;
const UBUNTU_OS = `PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\n`;
const MINT_OS = `NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n`;

type Machine = {
  osRelease: string;
  /** File name (under sources.list.d/, or "sources.list") to content. */
  sources: Record<string, string>;
  /** "<uri> <suite>" pairs that answer. */
  answering: readonly string[];
};

let machines = 0;
function run(
  machine: Machine,
  script: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  machines += 1;
  const dir = join(scratch, `machine-${machines}`);
  mkdirSync(join(dir, "apt", "sources.list.d"), { recursive: true });
  writeFileSync(join(dir, "os-release"), machine.osRelease);
  for (const [name, content] of Object.entries(machine.sources)) {
    const path =
      name === "sources.list"
        ? join(dir, "apt", "sources.list")
        : join(dir, "apt", "sources.list.d", name);
    writeFileSync(path, content);
  }
  writeFileSync(join(dir, "answering"), machine.answering.map((line) => `${line}\n`).join(""));
  const program = `
    set -uo pipefail
    . "${lib}"
    mirror_has_suite() { grep -qxF "\${1%/} $2" "${join(dir, "answering")}"; }
    ${script}
  `;
  const result = spawnSync("bash", ["-c", program], {
    env: {
      PATH: process.env["PATH"] ?? "",
      SBD_OS_RELEASE: join(dir, "os-release"),
      SBD_APT_DIR: join(dir, "apt"),
      ...env,
    },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

const debianSources = `Types: deb
URIs: http://mirror.invalid/debian
Suites: bookworm bookworm-updates
Components: main

Types: deb
URIs: http://mirror.invalid/debian-security
Suites: bookworm-security
Components: main
`;

// Ubuntu 24.04 writes its archive as deb822 in ubuntu.sources.
const ubuntuSources = `Types: deb
URIs: http://archive.invalid/ubuntu/
Suites: noble noble-updates noble-backports
Components: main restricted universe multiverse

Types: deb
URIs: http://security.invalid/ubuntu/
Suites: noble-security
Components: main restricted universe multiverse
`;

describe(
  "finding a Debian mirror (homeserver.sh builds Synapse's root filesystem from it)",
  { timeout: 30_000 },
  () => {
    it("on Debian, takes the machine's own mirror and needs no extra keyring", () => {
      const result = run(
        {
          osRelease: DEBIAN_OS,
          sources: { "debian.sources": debianSources },
          answering: ["http://mirror.invalid/debian sid"],
        },
        `host_family; find_debian_mirror sid; echo "keyring:$(mmdebstrap_keyring_args)"; build_host_packages`,
      );
      expect(result.status).toBe(0);
      expect(result.stdout.split("\n")).toEqual([
        "debian",
        "http://mirror.invalid/debian",
        "keyring:",
        "mmdebstrap",
      ]);
    });

    it("reads one-line sources.list entries with options, and leaves security archives out", () => {
      const result = run(
        {
          osRelease: DEBIAN_OS,
          sources: {
            "sources.list":
              "# a comment\ndeb [signed-by=/usr/share/keyrings/k.gpg] http://mirror.invalid/debian-security bookworm-security main\ndeb [arch=amd64] http://mirror.invalid/debian/ bookworm main\n",
            "extra.list": "deb http://other.invalid/debian sid main\n",
          },
          answering: [],
        },
        "apt_source_uris",
      );
      expect(result.stdout.split("\n")).toEqual([
        "http://mirror.invalid/debian/",
        "http://other.invalid/debian",
      ]);
    });

    it("on Ubuntu, whose archive has no sid, fails and names SBD_DEBIAN_MIRROR", () => {
      const result = run(
        { osRelease: UBUNTU_OS, sources: { "ubuntu.sources": ubuntuSources }, answering: [] },
        "find_debian_mirror sid",
      );
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("tried: http://archive.invalid/ubuntu/");
      expect(result.stderr).toContain("This is Ubuntu, whose own archive has no Debian");
      expect(result.stderr).toContain("Set SBD_DEBIAN_MIRROR");
    });

    it("on Ubuntu with SBD_DEBIAN_MIRROR, builds from it with Debian's keyring", () => {
      const result = run(
        {
          osRelease: UBUNTU_OS,
          sources: { "ubuntu.sources": ubuntuSources },
          answering: ["http://debian.invalid/debian sid"],
        },
        `host_family; find_debian_mirror sid; mmdebstrap_keyring_args; build_host_packages`,
        { SBD_DEBIAN_MIRROR: "http://debian.invalid/debian/" },
      );
      expect(result.status).toBe(0);
      expect(result.stdout.split("\n")).toEqual([
        "derivative",
        "http://debian.invalid/debian",
        "--keyring=/usr/share/keyrings/debian-archive-keyring.gpg",
        "mmdebstrap debian-archive-keyring",
      ]);
    });

    it("a derivative of a derivative (Linux Mint) counts as one too", () => {
      const result = run({ osRelease: MINT_OS, sources: {}, answering: [] }, "host_family");
      expect(result.stdout).toBe("derivative");
    });

    it("an SBD_DEBIAN_MIRROR without the suite is refused, not silently replaced", () => {
      const result = run(
        {
          osRelease: DEBIAN_OS,
          sources: { "debian.sources": debianSources },
          answering: ["http://mirror.invalid/debian sid"],
        },
        "find_debian_mirror sid",
        { SBD_DEBIAN_MIRROR: "http://archive.invalid/ubuntu" },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'SBD_DEBIAN_MIRROR=http://archive.invalid/ubuntu has no Debian suite "sid"',
      );
    });
  },
);

describe("the pinned Synapse (tools/homeserver/synapse.pin)", { timeout: 30_000 }, () => {
  function rootfsWith(name: string, synapse: string | undefined): string {
    const rootfs = join(scratch, name);
    mkdirSync(join(rootfs, "var", "lib", "dpkg"), { recursive: true });
    const entries = [
      "Package: python3\nStatus: install ok installed\nVersion: 3.14.8-1\n",
      ...(synapse === undefined
        ? []
        : [`Package: matrix-synapse\nStatus: install ok installed\nVersion: ${synapse}\n`]),
    ];
    writeFileSync(join(rootfs, "var", "lib", "dpkg", "status"), entries.join("\n"));
    return rootfs;
  }

  it("names a Debian version", () => {
    expect(pinnedVersion).toMatch(/^\d+\.\d+\.\d+-\d+$/);
    expect(pin).toMatch(/^SYNAPSE_SUITE=\S+$/m);
  });

  it("passes when the root filesystem has the pinned version", () => {
    const rootfs = rootfsWith("pinned", pinnedVersion);
    const result = run(
      { osRelease: DEBIAN_OS, sources: {}, answering: [] },
      `rootfs_package_version "${rootfs}" matrix-synapse && check_synapse_pin "${rootfs}"`,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(pinnedVersion);
  });

  it("fails with how to rebuild when the root filesystem has another version or none", () => {
    for (const [name, version] of [
      ["older", "1.100.0-1"],
      ["none", undefined],
    ] as const) {
      const rootfs = rootfsWith(name, version);
      const result = run(
        { osRelease: DEBIAN_OS, sources: {}, answering: [] },
        `check_synapse_pin "${rootfs}"`,
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`has matrix-synapse ${version ?? "(none)"}`);
      expect(result.stderr).toContain(`the project pins ${pinnedVersion}`);
      expect(result.stderr).toContain("homeserver.sh rootfs --rebuild");
    }
  });
});

describe(
  "the e2e browser where Chromium is a snap (lib.sh's chromium_plan)",
  { timeout: 30_000 },
  () => {
    // Ubuntu's chromium-browser package leaves a script that hands over to the snap.
    const UBUNTU_STUB = `#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then\n  echo "Command '$0' requires the chromium snap to be installed." >&2\n  exit 1\nfi\nexec /snap/bin/chromium "$@"\n`;
    const DEBIAN_WRAPPER = `#!/bin/sh\n# Chromium launcher\nexec /usr/lib/chromium/chromium "$@"\n`;

    function binWith(name: string, files: Record<string, string>): string {
      const bin = join(scratch, name);
      mkdirSync(bin, { recursive: true });
      for (const [file, content] of Object.entries(files)) {
        writeFileSync(join(bin, file), content);
        chmodSync(join(bin, file), 0o755);
      }
      return bin;
    }

    // The commands lib.sh itself uses, without the Chromium this machine may have.
    const toolsBin = join(scratch, "tools-bin");
    mkdirSync(toolsBin, { recursive: true });
    for (const tool of ["sed", "head", "tr", "grep", "readlink", "id", "awk", "cat"]) {
      const real = spawnSync("sh", ["-c", `command -v ${tool}`], {
        encoding: "utf8",
      }).stdout.trim();
      symlinkSync(real, join(toolsBin, tool));
    }

    function plan(osRelease: string, bin: string, env: Record<string, string> = {}) {
      return run(
        { osRelease, sources: {}, answering: [] },
        `PATH="${bin}:${toolsBin}"; chromium_plan`,
        {
          SBD_CHROMIUM_ROOTFS: join(scratch, "no-chromium-rootfs"),
          ...env,
        },
      );
    }

    it("on Ubuntu, passes over the snap stub and uses Debian's Chromium in its own root filesystem", () => {
      const bin = binWith("ubuntu-bin", { "chromium-browser": UBUNTU_STUB, chromium: UBUNTU_STUB });
      expect(plan(UBUNTU_OS, bin).stdout).toBe("rootfs");
    });

    it("on Debian as root, installs Debian's package when there is none", () => {
      const bin = binWith("debian-empty-bin", {
        "apt-get": "#!/bin/sh\nexit 0\n",
        id: "#!/bin/sh\necho 0\n",
      });
      expect(plan(DEBIAN_OS, bin).stdout).toBe("apt");
    });

    it("uses a real Chromium on PATH, and CHROMIUM_PATH before anything", () => {
      const bin = binWith("debian-bin", { chromium: DEBIAN_WRAPPER });
      expect(plan(DEBIAN_OS, bin).stdout).toBe(`path ${join(bin, "chromium")}`);
      expect(plan(UBUNTU_OS, bin, { CHROMIUM_PATH: "/opt/chromium/chrome" }).stdout).toBe(
        "path /opt/chromium/chrome",
      );
    });

    it("uses the Chromium root filesystem once it is built, even on Debian", () => {
      const rootfs = join(scratch, "built-chromium-rootfs");
      binWith(join("built-chromium-rootfs", "usr", "bin"), { chromium: DEBIAN_WRAPPER });
      const bin = binWith("debian-empty-bin-2", {});
      expect(plan(DEBIAN_OS, bin, { SBD_CHROMIUM_ROOTFS: rootfs }).stdout).toBe("rootfs");
    });
  },
);
