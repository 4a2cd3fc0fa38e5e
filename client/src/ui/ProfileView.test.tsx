// A profile rendered from plain snapshots: only what the snapshot holds shows.
import { describe, expect, it } from "vitest";
import type { ProfileSnapshot, ProfileViewActions } from "../viewmodels/ProfileViewModel.ts";
import { ProfileView } from "./ProfileView.tsx";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";

const actions: ProfileViewActions = {
  back: notCalled,
  block: notCalled,
  unblock: notCalled,
  report: notCalled,
  help: notCalled,
};

const lotte: ProfileSnapshot = {
  name: { kind: "name", label: "Lotte", userId: "@lotte:localhost" },
  avatar: { kind: "initials", initials: "L", colour: 2 },
  relationship: "contact",
  age: { kind: "verified", band: "13-15" },
  myAgeShown: true,
  sharedGroups: [{ roomId: "!class", title: { kind: "name", text: "Klas 2B", flagged: false } }],
  conversation: { origin: "in-person", since: Date.UTC(2026, 10, 1, 12) },
  blocked: false,
  busy: false,
  failed: false,
};

const stranger: ProfileSnapshot = {
  ...lotte,
  name: { kind: "unknown", tag: 4 },
  avatar: { kind: "unknown", colour: 1 },
  relationship: "adult-stranger",
  age: { kind: "not-known" },
  myAgeShown: false,
  sharedGroups: [],
  conversation: undefined,
};

const { t } = wordsIn("nl");

describe("ProfileView", () => {
  it("shows a friend: name, account, contact, checked age, groups and how the chat started", () => {
    const html = renderView(<ProfileView view={lotte} actions={actions} />, "nl");
    expect(html).toContain(">Lotte</bdi>");
    expect(html).toContain("@lotte:localhost");
    expect(html).toContain(t("profile.contact"));
    expect(html).toContain(asHtml(t("profile.age.verified", { band: t("band.13-15") })));
    expect(html).toContain(asHtml(t("profile.myAge.shown")));
    expect(html).toContain(">Klas 2B</bdi>");
    const date = new Intl.DateTimeFormat("nl", { dateStyle: "long" }).format(
      Date.UTC(2026, 10, 1, 12),
    );
    expect(html).toContain(asHtml(t("profile.origin.in-person", { date })));
    expect(html).toContain(`>${t("profile.block")}</button>`);
    expect(html).toContain(`>${t("profile.report")}</button>`);
    expect(html).toContain(`>${t("profile.help")}</button>`);
  });

  it("shows someone kept back without name, account or age, and says what they are", () => {
    const html = renderView(<ProfileView view={stranger} actions={actions} />, "nl");
    expect(html).toContain(asHtml(t("person.unknown")));
    expect(html).not.toContain("@lotte");
    expect(html).toContain(t("profile.notContact"));
    expect(html).toContain(asHtml(t("relationship.adult-stranger")));
    expect(html).toContain(asHtml(t("profile.age.unknown")));
    expect(html).toContain(asHtml(t("profile.groups.none")));
    expect(html).toContain(asHtml(t("profile.origin.none")));
  });

  it("says the person is blocked and offers to unblock", () => {
    const html = renderView(
      <ProfileView view={{ ...stranger, blocked: true }} actions={actions} />,
      "nl",
    );
    expect(html).toContain(asHtml(t("profile.blocked")));
    expect(html).toContain(`>${t("profile.unblock")}</button>`);
    expect(html).not.toContain(`>${t("profile.block")}</button>`);
  });
});
