// Help cards rendered to HTML: hours only where a source confirmed them (or a
// sentence where hours do not apply); no filler such as "see website".
import { describe, expect, it } from "vitest";
import { HELP_RESOURCE_IDS, HELP_RESOURCES } from "../help/resources.ts";
import { HelpResourceList } from "./HelpResourceList.tsx";
import { asHtml, renderView } from "./renderForTest.tsx";

describe("HelpResourceList", () => {
  it("states confirmed hours and leaves unconfirmed ones out, with no filler line", () => {
    const html = renderView(<HelpResourceList ids={HELP_RESOURCE_IDS} />, "nl");
    for (const id of HELP_RESOURCE_IDS) {
      const { hours } = HELP_RESOURCES[id];
      if ("text" in hours) expect(html, id).toContain(asHtml(hours.text.nl));
    }
    expect(html).not.toMatch(/zie website/i);
    expect(renderView(<HelpResourceList ids={HELP_RESOURCE_IDS} />, "en")).not.toMatch(
      /see website/i,
    );
  });

  it("shows no hours line at all for the Kindertelefoon, whose hours no source confirmed", () => {
    expect(HELP_RESOURCES.kindertelefoon.hours.status).toBe("not-confirmed");
    const html = renderView(<HelpResourceList ids={["kindertelefoon"]} />, "nl");
    expect(html).not.toContain('class="hint"');
  });
});
