// A conversation's people from its header, rendered to HTML: a direct chat's
// name is a button to the profile; a group's name shows its people, each a
// button to their profile; a kept-back stranger stays unnamed there too.
import { describe, expect, it, vi } from "vitest";
import type { ConversationViewSnapshot } from "../viewmodels/ConversationViewModel.ts";
import { ConversationMembers, ConversationTitle } from "./ConversationPeople.tsx";
import { asHtml, renderView, wordsIn } from "./renderForTest.tsx";

const lotte = {
  handle: "p1",
  name: { kind: "name", label: "Lotte", userId: "@lotte:hs" },
  blocked: false,
} as const;
const stranger = { handle: "p2", name: { kind: "unknown", tag: 3 }, blocked: false } as const;

const dm: Pick<ConversationViewSnapshot, "title" | "isGroup" | "others"> = {
  title: { kind: "people", names: [lotte.name] },
  isGroup: false,
  others: [lotte],
};
const group: Pick<ConversationViewSnapshot, "title" | "isGroup" | "others"> = {
  title: { kind: "name", text: "Klas 2B", flagged: false },
  isGroup: true,
  others: [lotte, stranger],
};

describe("ConversationTitle", () => {
  it("makes a direct chat's name a button to that person's profile", () => {
    const { t } = wordsIn("nl");
    const html = renderView(
      <ConversationTitle
        view={dm}
        actions={{ openProfile: vi.fn() }}
        membersId="m"
        membersOpen={false}
        toggleMembers={vi.fn()}
      />,
      "nl",
    );
    expect(html).toMatch(/^<button type="button" class="title-button" aria-describedby="[^"]+">/);
    expect(html).toContain("Lotte");
    // A hidden description: the button's (and the heading's) name stays "Lotte".
    expect(html).toContain(`hidden="">${asHtml(t("profile.open", { name: "Lotte" }))}</span>`);
    expect(html).not.toContain("aria-expanded");
  });

  it("makes a group's name a disclosure of its people", () => {
    const html = renderView(
      <ConversationTitle
        view={group}
        actions={{ openProfile: vi.fn() }}
        membersId="m"
        membersOpen={true}
        toggleMembers={vi.fn()}
      />,
    );
    expect(html).toContain('aria-expanded="true" aria-controls="m"');
    expect(html).toContain("Klas 2B");
  });

  it("is plain text when nobody else is in the conversation", () => {
    const html = renderView(
      <ConversationTitle
        view={{ ...dm, others: [] }}
        actions={{ openProfile: vi.fn() }}
        membersId="m"
        membersOpen={false}
        toggleMembers={vi.fn()}
      />,
    );
    expect(html).not.toContain("<button");
  });
});

describe("ConversationMembers", () => {
  it("lists each person as a button to their profile, a stranger without a name", () => {
    const { t } = wordsIn("nl");
    const html = renderView(
      <ConversationMembers id="m" view={group} actions={{ openProfile: vi.fn() }} />,
      "nl",
    );
    expect(html).toContain(`aria-label="${asHtml(t("conversation.members.title"))}"`);
    expect(html).toContain(`aria-label="${asHtml(t("profile.open", { name: "Lotte" }))}"`);
    expect(html).toContain(
      `aria-label="${asHtml(t("profile.open", { name: t("person.unknown") }))}"`,
    );
  });
});
