import { describe, expect, it } from "vitest";
import { incomingContactFacts } from "../../points/incoming-contact.ts";
import {
  adult,
  incomingRequest,
  nlDefault,
  teen13,
  teen16,
  unguarded,
  unverified,
} from "../../../test/support/fixtures.ts";
import { adultStrangersNeverNormalChatForMinors } from "./adult-strangers-never-normal-chat-for-minors.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof incomingRequest>) =>
  adultStrangersNeverNormalChatForMinors.evaluate(incomingContactFacts(request, pack), pack);

describe("incoming-contact/adult-strangers-never-normal-chat-for-minors", () => {
  it("makes an unknown adult's first contact at least a request with hidden preview", () => {
    const contribution = evaluate(nlDefault, incomingRequest({ recipient: teen16, sender: adult }));
    expect(contribution).toMatchObject({
      effect: "request",
      preview: "hidden",
      accept: "after-reading",
    });
    expect(contribution?.notices.map((notice) => notice.copyKey)).toEqual([
      "notice.unknownAdult.teen16",
    ]);
  });

  it("names an unverified sender as such", () => {
    const contribution = evaluate(nlDefault, incomingRequest({ sender: unverified }));
    expect(contribution?.notices.map((notice) => notice.id)).toEqual(["unverified-age"]);
  });

  it("catches a sender whose claimed teen band did not verify", () => {
    const sender = { ageBand: "13-15", ageVerified: false } as const;
    expect(evaluate(nlDefault, incomingRequest({ sender }))).not.toBeNull();
  });

  it("does not apply to contacts, peers, or adult recipients", () => {
    expect(evaluate(nlDefault, incomingRequest({ sender: adult, isContact: true }))).toBeNull();
    expect(evaluate(nlDefault, incomingRequest({ sender: teen13 }))).toBeNull();
    expect(evaluate(nlDefault, incomingRequest({ recipient: adult, sender: adult }))).toBeNull();
  });

  it("is off without the guard", () => {
    expect(evaluate(unguarded, incomingRequest({ sender: adult }))).toBeNull();
  });
});
