import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { presentAlexsFirstMessageToNoor } from "./readme-example.ts";

describe("README usage example", () => {
  it("is the same code as test/readme-example.ts (which tsc type-checks)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");
    const block = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(
      readme,
    );
    expect(block?.[1]).toBe(example);
  });

  it("does what its comments say", () => {
    expect(presentAlexsFirstMessageToNoor(Date.UTC(2026, 10, 23))).toEqual({
      inbox: "request",
      preview: "hidden",
      copyKeys: [
        "notice.unknownAdult.teen13",
        "notice.noSharedRooms.teen13",
        "notice.otherServer.teen13",
      ],
      help: ["kindertelefoon", "helpwanted"],
      canAccept: true,
      why: [
        "incoming-contact/presentation-table",
        "incoming-contact/adult-strangers-never-normal-chat-for-minors",
        "incoming-contact/signal-no-shared-rooms",
        "incoming-contact/signal-other-server",
      ],
    });
  });
});
