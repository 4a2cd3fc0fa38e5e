import { describe, expect, it } from "vitest";
import { contactFacts } from "../../points/contact.ts";
import {
  adult,
  child,
  contactRequest,
  nlDefault,
  teen16,
  unguarded,
  unverified,
} from "../../../test/support/fixtures.ts";
import { adultsCannotStartContactWithMinors } from "./adults-cannot-start-contact-with-minors.ts";

const evaluate = (pack: typeof nlDefault, request: ReturnType<typeof contactRequest>) =>
  adultsCannotStartContactWithMinors.evaluate(contactFacts(request, pack), pack);

describe("contact/adults-cannot-start-contact-with-minors", () => {
  it("refuses an adult or unverified account reaching a minor, with the deterrence notice", () => {
    for (const sender of [adult, unverified]) {
      const contribution = evaluate(nlDefault, contactRequest({ sender, recipient: child }));
      expect(contribution?.effect).toBe("refused");
      expect(contribution?.notices).toEqual([
        {
          id: "deterrence-adult-to-minor",
          severity: "warning",
          copyKey: "notice.deterrence.adultToMinor",
        },
      ]);
    }
  });

  it("does not stop an existing contact (e.g. a parent) or contact between adults", () => {
    expect(
      evaluate(nlDefault, contactRequest({ sender: adult, recipient: teen16, isContact: true })),
    ).toBeNull();
    expect(evaluate(nlDefault, contactRequest({ sender: adult, recipient: adult }))).toBeNull();
  });

  it("cannot fire when the recipient's band is unknown to the sender (deterrence, not security)", () => {
    expect(
      evaluate(nlDefault, contactRequest({ sender: adult, recipient: unverified })),
    ).toBeNull();
  });

  it("is off without the guard", () => {
    expect(evaluate(unguarded, contactRequest({ sender: adult, recipient: child }))).toBeNull();
  });
});
