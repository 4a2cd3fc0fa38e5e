import { describe, expect, it } from "vitest";
import { contactFacts } from "../../points/contact.ts";
import {
  adult,
  child,
  contactRequest,
  nlDefault,
  strict,
  teen13,
  teen16,
  unverified,
} from "../../../test/support/fixtures.ts";
import { contactTable } from "./contact-table.ts";

const outcome = (pack: typeof nlDefault, request: ReturnType<typeof contactRequest>) => {
  const contribution = contactTable.evaluate(contactFacts(request, pack), pack);
  return {
    effect: contribution?.effect,
    notices: contribution?.notices.map((notice) => notice.id),
  };
};

describe("contact/contact-table", () => {
  it("allows contacting a contact and a peer", () => {
    expect(outcome(nlDefault, contactRequest({ isContact: true, recipient: adult })).effect).toBe(
      "allowed",
    );
    expect(outcome(nlDefault, contactRequest({ recipient: teen16 })).effect).toBe("allowed");
  });

  it("lets a teen contact an unknown adult after a caution, and strict refuses it", () => {
    expect(outcome(nlDefault, contactRequest({ recipient: adult }))).toEqual({
      effect: "allowed-with-notice",
      notices: ["contacting-unknown-adult"],
    });
    expect(outcome(strict, contactRequest({ recipient: unverified })).effect).toBe("refused");
  });

  it("keeps the youngest to peers and contacts", () => {
    expect(outcome(nlDefault, contactRequest({ sender: child, recipient: child })).effect).toBe(
      "allowed",
    );
    expect(outcome(nlDefault, contactRequest({ sender: child, recipient: teen13 }))).toEqual({
      effect: "refused",
      notices: ["contact-not-available"],
    });
  });

  it("carries the deterrence notice for adults in the table too", () => {
    expect(outcome(nlDefault, contactRequest({ sender: adult, recipient: teen13 }))).toEqual({
      effect: "refused",
      notices: ["deterrence-adult-to-minor"],
    });
  });
});
