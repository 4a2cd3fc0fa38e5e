// docs/policy-engine.md is the contract the client and pack authors read, so
// it must name every rule, notice, copy key, help resource and action id, and
// every export of the package.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ACTION_IDS,
  BUNDLED_PACK_IDS,
  HELP_RESOURCE_IDS,
  PACK_NOTICE_IDS,
  REPORT_CATEGORIES,
  allCopyKeys,
} from "../src/index.ts";
import * as publicApi from "../src/index.ts";
import { RULE_IDS } from "../src/model/rule-ids.ts";
import { bundled } from "./support/fixtures.ts";

const docs = readFileSync(new URL("../../docs/policy-engine.md", import.meta.url), "utf8");

describe("docs/policy-engine.md", () => {
  it("explains every rule id", () => {
    for (const id of RULE_IDS) expect(docs, id).toContain(`\`${id}\``);
  });

  it("lists every notice and the key of every copy key the bundled packs can produce", () => {
    for (const id of PACK_NOTICE_IDS) expect(docs, id).toContain(`\`${id}\``);
    for (const pack of BUNDLED_PACK_IDS) {
      const keys = allCopyKeys(bundled(pack));
      expect(docs).toContain(`${String(keys.length)} keys in all`);
      for (const key of keys) {
        const documented = key.replace(/\.(child|teen13|teen16|adult|general)$/, ".<band>");
        expect(docs, key).toContain(`\`${documented}\``);
      }
    }
  });

  it("names every help resource, action and report category", () => {
    for (const id of [...HELP_RESOURCE_IDS, ...ACTION_IDS, ...REPORT_CATEGORIES]) {
      expect(docs, id).toContain(`\`${id}\``);
    }
  });

  it("lists every runtime export in its API table", () => {
    const api = docs.slice(docs.indexOf("## API"), docs.indexOf("## Requests and decisions"));
    for (const name of Object.keys(publicApi)) expect(api, name).toContain(`\`${name}`);
  });
});
