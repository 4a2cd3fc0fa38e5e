// Tooling check: a source file over 400 lines says at its top why it is one
// file ("(Over 400 lines: …)"), so a long file is a decision someone wrote
// down, not an accident a newcomer has to guess about (issue 17). Data tables
// of copy (the i18n catalogues) and tests are exempt: their length is content.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./lib/homeserver.ts";

const LIMIT = 400;
const HEADER_LINES = 30;

const sources = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx", "*.mjs"],
  { cwd: repoRoot, encoding: "utf8" },
)
  .split("\n")
  .filter(
    (path) =>
      /^(client\/src|policy-engine\/src|protocol\/src|tools)\//.test(path) &&
      !/\.test\.tsx?$|\/i18n\/(messages|notices|why)\.(nl|en)\.ts$/.test(path),
  );

describe("long source files", () => {
  it("finds the sources", () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it("say at their top why they are over 400 lines", () => {
    const unexplained = sources.filter((path) => {
      let text: string;
      try {
        text = readFileSync(join(repoRoot, path), "utf8");
      } catch {
        return false; // deleted in the working tree
      }
      const lines = text.split("\n");
      if (lines.length <= LIMIT) return false;
      return !lines.slice(0, HEADER_LINES).some((line) => line.includes("(Over 400 lines: "));
    });
    expect(unexplained).toEqual([]);
  });
});
