import { describe, expect, it } from "vitest";
import { mediaFacts } from "../../points/media.ts";
import { NOW, adult, child, nlDefault, strict, teen13 } from "../../../test/support/fixtures.ts";
import {
  acceptedContact,
  incomingMedia,
  knownContact,
  outgoingMedia,
  strangerCounterpart,
} from "../../../test/support/media.ts";
import { outgoingTable } from "./outgoing-table.ts";

const evaluate = (pack: typeof nlDefault, request: Parameters<typeof mediaFacts>[0]) =>
  outgoingTable.evaluate(mediaFacts(request, pack, NOW), pack);

describe("media/outgoing-table", () => {
  it("lets a teen send a photo to a long-standing contact without a notice", () => {
    expect(evaluate(nlDefault, outgoingMedia())).toEqual({ effect: "send", notices: [] });
  });

  it("asks a minor to think first before a photo goes to someone accepted an hour ago", () => {
    expect(
      evaluate(nlDefault, outgoingMedia({ recipients: [acceptedContact(adult, 1)] })),
    ).toMatchObject({
      effect: "think-first",
      notices: [{ id: "media-think-first", copyKey: "notice.mediaThinkFirst.teen13" }],
    });
  });

  it("thinks first in a group when any recipient calls for it", () => {
    const recipients = [knownContact(), knownContact(child), strangerCounterpart(adult)];
    expect(evaluate(nlDefault, outgoingMedia({ recipients }))?.effect).toBe("think-first");
  });

  it("covers only the kinds the pack lists: a PDF in nl-default, but not in strict", () => {
    const request = outgoingMedia({
      recipients: [strangerCounterpart(adult)],
      mediaKind: "file",
    });
    expect(evaluate(nlDefault, request)?.effect).toBe("send");
    expect(evaluate(strict, request)?.effect).toBe("think-first");
  });

  it("gives adults no notice in nl-default", () => {
    expect(
      evaluate(
        nlDefault,
        outgoingMedia({ self: adult, recipients: [strangerCounterpart(teen13)] }),
      ),
    ).toEqual({ effect: "send", notices: [] });
  });

  it("is silent for incoming media", () => {
    expect(evaluate(nlDefault, incomingMedia())).toBeNull();
  });
});
