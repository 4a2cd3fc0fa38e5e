import { describe, expect, it } from "vitest";
import { contactFacts } from "../../points/contact.ts";
import {
  adult,
  baseline,
  child,
  contactRequest,
  nlDefault,
  teen13,
  unverified,
} from "../../../test/support/fixtures.ts";
import { recipientDidNotAnswer } from "./recipient-did-not-answer.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof contactRequest>) =>
  recipientDidNotAnswer.evaluate(contactFacts(request, pack), pack);

const MAY_HOLD_ASIDE = {
  id: "recipient-may-hold-aside",
  severity: "caution",
  copyKey: "notice.deterrence.recipientMayHoldAside",
};

describe("contact/recipient-did-not-answer", () => {
  it("tells an adult or unverified sender that an unanswered recipient's app may hold the message aside", () => {
    for (const sender of [adult, unverified]) {
      const contribution = evaluate(
        nlDefault,
        contactRequest({ sender, recipient: unverified, recipientAnswer: "no-answer" }),
      );
      expect(contribution).toEqual({ effect: "allowed-with-notice", notices: [MAY_HOLD_ASIDE] });
    }
  });

  it("reads an absent answer as no answer (fail closed), also beside the older recipientProtectsMinor: false", () => {
    const absent = contactRequest({ sender: adult, recipient: unverified });
    expect(evaluate(nlDefault, absent)?.effect).toBe("allowed-with-notice");
    const legacyNo = contactRequest({
      sender: adult,
      recipient: unverified,
      recipientProtectsMinor: false,
    });
    expect(evaluate(nlDefault, legacyNo)?.effect).toBe("allowed-with-notice");
  });

  it("stays out of it when the recipient's device answered, either way", () => {
    for (const recipientAnswer of ["no-protection", "protects-minor"] as const) {
      expect(
        evaluate(
          nlDefault,
          contactRequest({ sender: adult, recipient: unverified, recipientAnswer }),
        ),
      ).toBeNull();
    }
    expect(
      evaluate(
        nlDefault,
        contactRequest({ sender: adult, recipient: unverified, recipientProtectsMinor: true }),
      ),
    ).toBeNull();
  });

  it("does not apply to a contact or to a recipient whose verified band the sender knows", () => {
    expect(
      evaluate(
        nlDefault,
        contactRequest({ sender: adult, recipient: unverified, isContact: true }),
      ),
    ).toBeNull();
    expect(evaluate(nlDefault, contactRequest({ sender: adult, recipient: adult }))).toBeNull();
    expect(evaluate(nlDefault, contactRequest({ sender: adult, recipient: child }))).toBeNull();
  });

  it("adds nothing where the pack's cell is a plain allow (minors in nl-default, everyone in baseline)", () => {
    expect(
      evaluate(nlDefault, contactRequest({ sender: teen13, recipient: unverified })),
    ).toBeNull();
    expect(evaluate(baseline, contactRequest({ sender: adult, recipient: unverified }))).toBeNull();
  });
});
