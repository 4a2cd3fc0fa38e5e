import { describe, expect, it } from "vitest";
import { incomingContactFacts } from "../../points/incoming-contact.ts";
import {
  adult,
  baseline,
  child,
  incomingRequest,
  nlDefault,
  strict,
  teen13,
  teen16,
  unverified,
} from "../../../test/support/fixtures.ts";
import { presentationTable } from "./presentation-table.ts";

const cell = (pack: typeof nlDefault, request: ReturnType<typeof incomingRequest>) => {
  const contribution = presentationTable.evaluate(incomingContactFacts(request, pack), pack);
  return {
    presentation: contribution?.effect,
    preview: contribution?.preview,
    accept: contribution?.accept,
    notices: contribution?.notices.map((notice) => notice.id),
  };
};

describe("incoming-contact/presentation-table", () => {
  it("presents a known contact as a normal chat", () => {
    expect(cell(nlDefault, incomingRequest({ sender: adult, isContact: true }))).toMatchObject({
      presentation: "normal",
      preview: "shown",
    });
  });

  it("lets a teen accept an unknown adult after reading; preview hidden (nl-default)", () => {
    expect(cell(nlDefault, incomingRequest({ recipient: teen16, sender: adult }))).toEqual({
      presentation: "request",
      preview: "hidden",
      accept: "after-reading",
      notices: ["unknown-adult"],
    });
  });

  it("holds an unknown adult's request to an 8-12 aside without accept (nl-default)", () => {
    expect(cell(nlDefault, incomingRequest({ recipient: child, sender: adult }))).toEqual({
      presentation: "filtered",
      preview: "hidden",
      accept: "not-offered",
      notices: ["unknown-adult"],
    });
  });

  it("declines for 8-12 and filters for teens under strict", () => {
    expect(
      cell(strict, incomingRequest({ recipient: child, sender: unverified })).presentation,
    ).toBe("declined");
    expect(cell(strict, incomingRequest({ recipient: teen13, sender: adult })).presentation).toBe(
      "filtered",
    );
  });

  it("shows a peer stranger's request with a milder notice and its preview", () => {
    expect(cell(nlDefault, incomingRequest({ recipient: teen13, sender: teen16 }))).toEqual({
      presentation: "request",
      preview: "shown",
      accept: "offered",
      notices: ["unknown-peer"],
    });
  });

  it("in the baseline control arm, every stranger is a plain request", () => {
    expect(cell(baseline, incomingRequest({ recipient: child, sender: adult }))).toEqual({
      presentation: "request",
      preview: "shown",
      accept: "offered",
      notices: [],
    });
  });
});
