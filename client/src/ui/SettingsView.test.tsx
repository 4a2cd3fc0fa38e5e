// Settings rendered from plain snapshots: the buttons the snapshot offers, the
// rules in the pack's own words, what notifications may show as the engine said.
import { describe, expect, it } from "vitest";
import type { SettingsSnapshot, SettingsViewActions } from "../viewmodels/SettingsViewModel.ts";
import { asHtml, notCalled, renderView, wordsIn } from "./renderForTest.tsx";
import { SettingsView } from "./SettingsView.tsx";

const actions: SettingsViewActions = {
  back: notCalled,
  setLocale: notCalled,
  setTheme: notCalled,
  turnOnNotifications: notCalled,
  turnOffNotifications: notCalled,
  requestFindable: notCalled,
  confirmFindable: notCalled,
  cancelFindable: notCalled,
  signOut: notCalled,
  openMyReports: notCalled,
};

const snapshot = (over: Partial<SettingsSnapshot> = {}): SettingsSnapshot => ({
  userId: "@noor:localhost",
  theme: "system",
  rules: {
    about: {
      label: { nl: "Standaard (Nederland)", en: "Default (Netherlands)" },
      description: { nl: "De maatregelen.", en: "The measures." },
    },
    study: false,
    failed: false,
  },
  notifications: {
    on: false,
    permission: "default",
    asking: false,
    shows: "new-message",
    offer: "turn-on",
  },
  findable: undefined,
  signingOut: false,
  myReportsUnseen: 0,
  ...over,
});

const nl = wordsIn("nl").t;

describe("SettingsView", () => {
  it("offers Mijn meldingen, with how many new answers came back", () => {
    const none = renderView(<SettingsView view={snapshot()} actions={actions} />, "nl");
    expect(none).toContain(asHtml(nl("myReports.open")));
    expect(none).toContain(asHtml(nl("myReports.hint")));
    expect(none).not.toContain("unread-dot");
    const two = renderView(
      <SettingsView view={snapshot({ myReportsUnseen: 2 })} actions={actions} />,
      "nl",
    );
    expect(two).toContain(asHtml(nl("myReports.unseen_other", { count: 2 })));
  });

  it("shows the language, theme, notifications, the rules and sign-out", () => {
    const html = renderView(<SettingsView view={snapshot()} actions={actions} />, "nl");
    expect(html).toContain(nl("settings.language.title"));
    expect(html).toMatch(/checked="" value="nl"/);
    expect(html).toMatch(/checked="" value="system"/);
    expect(html).toContain(nl("settings.notifications.turnOn"));
    expect(html).toContain(asHtml(nl("settings.notifications.newMessageOnly")));
    expect(html).toContain(asHtml(nl("settings.rules.title")));
    expect(html).toContain("<strong>Standaard (Nederland)</strong>");
    expect(html).toContain("De maatregelen.");
    expect(html).not.toContain(asHtml(nl("settings.rules.study")));
    expect(html).toContain(nl("chats.signOut"));
    expect(html).toContain(asHtml(nl("chats.signedInAs", { userId: "@noor:localhost" })));
  });

  it("shows the pack's words in English in the English app", () => {
    const html = renderView(<SettingsView view={snapshot()} actions={actions} />, "en");
    expect(html).toContain("<strong>Default (Netherlands)</strong>");
    expect(html).toMatch(/checked="" value="en"/);
  });

  it("says when the person takes part in a study, and when the rules failed to load", () => {
    const study = renderView(
      <SettingsView
        view={snapshot({ rules: { ...snapshot().rules, study: true } })}
        actions={actions}
      />,
      "nl",
    );
    expect(study).toContain(asHtml(nl("settings.rules.study")));
    const failed = renderView(
      <SettingsView
        view={snapshot({ rules: { about: undefined, study: false, failed: true } })}
        actions={actions}
      />,
      "nl",
    );
    expect(failed).toContain(asHtml(nl("settings.rules.failed")));
    expect(failed).not.toContain("<strong>");
  });

  it("offers only the button the snapshot offers, and says why there is none", () => {
    const on = renderView(
      <SettingsView
        view={snapshot({
          notifications: {
            on: true,
            permission: "granted",
            asking: false,
            shows: "sender-and-text",
            offer: "turn-off",
          },
        })}
        actions={actions}
      />,
      "nl",
    );
    expect(on).toContain(nl("settings.notifications.turnOff"));
    expect(on).not.toContain(nl("settings.notifications.turnOn"));
    expect(on).toContain(asHtml(nl("settings.notifications.senderAndText")));
    const denied = renderView(
      <SettingsView
        view={snapshot({
          notifications: {
            on: false,
            permission: "denied",
            asking: false,
            shows: "new-message",
            offer: "none",
          },
        })}
        actions={actions}
      />,
      "nl",
    );
    expect(denied).toContain(asHtml(nl("settings.notifications.denied")));
    expect(denied).not.toContain(nl("settings.notifications.turnOn"));
  });

  it("shows an engine's refusal to become findable with nothing to tap", () => {
    const html = renderView(
      <SettingsView
        view={snapshot({
          findable: {
            available: true,
            setting: {
              on: false,
              confirming: undefined,
              refused: [
                {
                  id: "setting-locked",
                  severity: "info",
                  copyKey: "notice.settingLocked.child",
                },
              ],
              saving: false,
              why: undefined,
            },
            error: undefined,
          },
        })}
        actions={actions}
      />,
      "nl",
    );
    expect(html).toContain(nl("findPeople.findable.title"));
    expect(html).toContain(asHtml(wordsIn("nl").notice("notice.settingLocked.child")));
    expect(html).not.toContain(`>${nl("findPeople.findable.turnOn")}</button>`);
  });

  it("offers to become findable when the engine has not refused it", () => {
    const html = renderView(
      <SettingsView
        view={snapshot({
          findable: {
            available: true,
            setting: {
              on: false,
              confirming: undefined,
              refused: undefined,
              saving: false,
              why: undefined,
            },
            error: undefined,
          },
        })}
        actions={actions}
      />,
      "nl",
    );
    expect(html).toContain(`>${nl("findPeople.findable.turnOn")}</button>`);
  });
});
