// The pack catalogue the app's build validates (packCataloguePlugin.ts) is
// the one the console lists at run time: the same packs, equal to the last
// table, frozen. A broken pack is in it too, invalid with its errors, so a
// session assigned to it gets an engine that fails closed and says why.

import { createPolicyEngine, type IncomingContactRequest } from "@safety-by-design/policy-engine";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plugin } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { builtCatalogue, packLoadResult, type PackChoice } from "./packChoice.ts";
import { PACK_CATALOGUE_MODULE, packCataloguePlugin } from "./packCataloguePlugin.ts";
import { listStudyPacks } from "./packVariants.ts";

type Hook = (id: string) => string | undefined;

/** What the page gets when it imports `id` from a build with this plugin. */
function importFromBuild(plugin: Plugin, id: string): readonly PackChoice[] {
  const resolveId = plugin.resolveId as unknown as Hook;
  const load = plugin.load as unknown as Hook;
  const resolved = resolveId(id);
  if (resolved === undefined) throw new Error(`the plugin does not serve ${id}`);
  const code = load(resolved) ?? "";
  const prefix = "export const packCatalogue = ";
  expect(code.startsWith(prefix)).toBe(true);
  return builtCatalogue(JSON.parse(code.slice(prefix.length).trim().replace(/;$/, "")));
}

const teenRequest: IncomingContactRequest = {
  point: "incoming-contact",
  recipient: { ageBand: "13-15", ageVerified: true },
  sender: { ageBand: "18+", ageVerified: true },
  isContact: false,
  sharedRoomCount: 0,
  sameServer: true,
  nameResemblesContact: false,
  nameResemblesHelpService: false,
};

describe("packCataloguePlugin", () => {
  const plugin = packCataloguePlugin();

  it("builds the catalogue the console lists at run time, every table equal", () => {
    const built = importFromBuild(plugin, PACK_CATALOGUE_MODULE);
    expect(built).toStrictEqual(listStudyPacks());
  });

  it("freezes it, as the engine's loader freezes a pack it compiles", () => {
    const built = importFromBuild(plugin, PACK_CATALOGUE_MODULE);
    const nlDefault = built.find((choice) => choice.id === "nl-default");
    expect(Object.isFrozen(built)).toBe(true);
    expect(nlDefault?.valid === true && Object.isFrozen(nlDefault.pack.contact)).toBe(true);
  });

  it("decides with a built pack exactly as with the pack loaded at run time", () => {
    const built = importFromBuild(plugin, PACK_CATALOGUE_MODULE);
    for (const choice of listStudyPacks()) {
      const fromBuild = createPolicyEngine(packLoadResult(built, choice.id));
      const atRunTime = createPolicyEngine(packLoadResult(listStudyPacks(), choice.id));
      expect(fromBuild.decide(teenRequest, 0), choice.id).toEqual(atRunTime.decide(teenRequest, 0));
    }
  });

  it("serves one pack alone under its id, and nothing under an id it does not have", () => {
    const alone = importFromBuild(plugin, `${PACK_CATALOGUE_MODULE}/nl-default`);
    expect(alone.map((choice) => choice.id)).toEqual(["nl-default"]);
    expect(importFromBuild(plugin, `${PACK_CATALOGUE_MODULE}/no-such-pack`)).toEqual([]);
    expect(packLoadResult([], "nl-default")).toEqual({
      ok: false,
      problems: [{ path: "", message: 'pack "nl-default" is not in this build' }],
    });
  });

  describe("with a broken variant", () => {
    const folder = mkdtempSync(join(tmpdir(), "packs-"));
    writeFileSync(join(folder, "nl-broken.json"), '{ "id": "nl-broken", "version": ');
    afterAll(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    it("lists it as invalid, so that an engine built from it fails closed and says why", () => {
      const built = importFromBuild(
        packCataloguePlugin({ variantsFolder: folder }),
        PACK_CATALOGUE_MODULE,
      );
      const broken = built.find((choice) => choice.id === "nl-broken");
      expect(broken?.valid).toBe(false);
      const engine = createPolicyEngine(packLoadResult(built, "nl-broken"));
      expect(engine.pack.id).toBe("none");
      expect(engine.problems[0]?.message).toContain("nl-broken.json");
      // The protective answer, with the policy-error notice the person sees.
      expect(engine.decide(teenRequest, 0)).toMatchObject({
        failedClosed: true,
        effect: "filtered",
        notices: [{ id: "policy-error" }],
      });
    });
  });
});
