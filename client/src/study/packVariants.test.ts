// The variants in study/packs/ as this build sees them: the example variant is
// valid, selectable, and differs from nl-default where it says it does.

import { createPolicyEngine, type IncomingContactRequest } from "@safety-by-design/policy-engine";
import { describe, expect, it } from "vitest";
import { selectPack } from "./packCatalogue.ts";
import { listStudyPacks, studyPackVariantFiles } from "./packVariants.ts";

describe("study pack variants", () => {
  it("reads every JSON file in study/packs/", () => {
    expect(studyPackVariantFiles().map((file) => file.name)).toContain("nl-teens-filtered.json");
  });

  it("lists every pack of this build as valid, the example variant among them", () => {
    const catalogue = listStudyPacks();
    expect(catalogue.filter((choice) => !choice.valid)).toEqual([]);
    expect(catalogue.find((choice) => choice.id === "nl-teens-filtered")).toMatchObject({
      source: "variant",
      file: "study/packs/nl-teens-filtered.json",
      valid: true,
      purpose: "production",
    });
  });

  it("filters an unknown adult's request for a teen where nl-default lets them accept after reading", () => {
    const catalogue = listStudyPacks();
    const request: IncomingContactRequest = {
      point: "incoming-contact",
      recipient: { ageBand: "13-15", ageVerified: true },
      sender: { ageBand: "18+", ageVerified: true },
      isContact: false,
      sharedRoomCount: 0,
      sameServer: true,
      nameResemblesContact: false,
      nameResemblesHelpService: false,
    };
    const decide = (id: string) => {
      const pack = selectPack(catalogue, id);
      if (pack === undefined) throw new Error(`${id} not selectable`);
      return createPolicyEngine(pack).decide(request, 0);
    };
    expect(decide("nl-default")).toMatchObject({ effect: "request" });
    expect(decide("nl-default").actions).toContain("accept-after-reading");
    const variant = decide("nl-teens-filtered");
    expect(variant).toMatchObject({ effect: "filtered", preview: "hidden" });
    expect(variant.actions).not.toContain("accept-after-reading");
    expect(variant.actions).not.toContain("accept");
  });
});
