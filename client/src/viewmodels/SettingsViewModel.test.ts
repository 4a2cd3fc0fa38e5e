import {
  createPolicyEngine,
  loadBundledPack,
  parsePack,
  type AgeBand,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import { describe, expect, it, vi } from "vitest";
import type { Locale } from "../i18n/i18n.ts";
import type { PeopleFinder } from "../policy/discovery.ts";
import { deviceInMemory, type DevicePorts, type NotificationPermissionState } from "./device.ts";
import { FindPeopleViewModel } from "./FindPeopleViewModel.ts";
import { SettingsViewModel, type SettingsDependencies } from "./SettingsViewModel.ts";

const NOW = Date.UTC(2026, 11, 6, 12);
const nlDefault = createPolicyEngine(loadBundledPack("nl-default"));

/** A device whose browser answers the permission question with `answer`. */
function device(permission: NotificationPermissionState, answer = permission) {
  const ports = deviceInMemory();
  let current = permission;
  let enabled = false;
  const requestPermission = vi.fn(() => {
    current = answer;
    return Promise.resolve(answer);
  });
  const withNotifications: DevicePorts = {
    theme: ports.theme,
    notifications: {
      ...ports.notifications,
      permission: () => current,
      requestPermission,
      enabled: () => enabled,
      setEnabled: (on) => {
        enabled = on;
      },
    },
  };
  return { ports: withNotifications, requestPermission };
}

/** Find people's view model for a person of `band`, on the real engine. */
function findPeople(band: AgeBand, on = false) {
  const person = { ageBand: band, ageVerified: band !== "unverified" };
  const setFindable = vi.fn(() => Promise.resolve());
  const people: PeopleFinder = {
    availability: () => "available",
    find: () => Promise.resolve({ kind: "found", people: [] }),
    settings: () => ({ findableByPeers: on, suggestedToPeers: false }),
    findableChange: (newValue) =>
      nlDefault.decide(
        { point: "protective-setting-change", person, setting: "findable-by-peers", newValue },
        NOW,
      ),
    setFindable,
    searchDecisions: () => [],
    findableDecisions: () => [],
  };
  return {
    vm: new FindPeopleViewModel(people, { back: vi.fn(), startChatWith: vi.fn() }, () => band),
    setFindable,
  };
}

function settings(over: Partial<SettingsDependencies> = {}) {
  const deps: SettingsDependencies = {
    userId: "@noor:localhost",
    engine: nlDefault,
    notificationContent: () => "new-message",
    setLocale: vi.fn<(locale: Locale) => void>(),
    device: device("default", "granted").ports,
    findable: undefined,
    back: vi.fn(),
    signOut: vi.fn(() => Promise.resolve()),
    ...over,
  };
  return { vm: new SettingsViewModel(deps), deps };
}

describe("SettingsViewModel", () => {
  it("says which rules protect the person, in the deciding pack's own words", () => {
    const { rules } = settings().vm.getSnapshot();
    expect(rules.about?.label.nl).toBe("Standaard (Nederland)");
    expect(rules.about?.description.en).toMatch(/Dutch preventive-design proposal/);
    expect(rules).toMatchObject({ study: false, failed: false });
  });

  it("says the person takes part in a study under the control arm or a researcher's variant", () => {
    const baseline = settings({ engine: createPolicyEngine(loadBundledPack("baseline")) });
    expect(baseline.vm.getSnapshot().rules.study).toBe(true);
    const variant: Pick<PolicyEngine, "pack" | "about" | "problems"> = {
      pack: { id: "nl-teens-filtered", version: "1.1.0", purpose: "production" },
      about: nlDefault.about,
      problems: [],
    };
    expect(settings({ engine: variant }).vm.getSnapshot().rules.study).toBe(true);
  });

  it("says the rules failed to load, and names no pack then", () => {
    const { rules } = settings({ engine: createPolicyEngine(parsePack("{")) }).vm.getSnapshot();
    expect(rules).toEqual({ about: undefined, study: false, failed: true });
  });

  it("changes the language and the theme", () => {
    const { vm, deps } = settings();
    vm.setLocale("en");
    expect(deps.setLocale).toHaveBeenCalledWith("en");
    expect(vm.getSnapshot().theme).toBe("system");
    vm.setTheme("dark");
    expect(deps.device.theme.get()).toBe("dark");
    expect(vm.getSnapshot().theme).toBe("dark");
  });

  it("asks the browser for permission only on the person's tap, then turns notifications on", async () => {
    const { ports, requestPermission } = device("default", "granted");
    const { vm } = settings({ device: ports });
    expect(requestPermission).not.toHaveBeenCalled();
    expect(vm.getSnapshot().notifications).toMatchObject({ on: false, offer: "turn-on" });
    const tapped = vm.turnOnNotifications();
    expect(vm.getSnapshot().notifications).toMatchObject({ asking: true, offer: "none" });
    await tapped;
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(vm.getSnapshot().notifications).toMatchObject({
      on: true,
      asking: false,
      offer: "turn-off",
      shows: "new-message",
    });
    vm.turnOffNotifications();
    expect(vm.getSnapshot().notifications).toMatchObject({ on: false, offer: "turn-on" });
    // Already granted: no second question.
    await vm.turnOnNotifications();
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(vm.getSnapshot().notifications.on).toBe(true);
  });

  it("stays off when the browser refuses, and offers nothing the browser cannot do", async () => {
    const refused = device("default", "denied");
    const { vm } = settings({ device: refused.ports });
    await vm.turnOnNotifications();
    expect(vm.getSnapshot().notifications).toMatchObject({
      on: false,
      permission: "denied",
      offer: "none",
    });
    const unsupported = settings({ device: device("unsupported").ports }).vm;
    expect(unsupported.getSnapshot().notifications.offer).toBe("none");
  });

  it("offers no notifications at all where the rules allow none", async () => {
    const { ports, requestPermission } = device("default", "granted");
    const { vm } = settings({ device: ports, notificationContent: () => "none" });
    expect(vm.getSnapshot().notifications).toMatchObject({ shows: "none", offer: "none" });
    await vm.turnOnNotifications();
    expect(requestPermission).not.toHaveBeenCalled();
  });

  it("shows an 8-12's refusal to become findable up front, and saves nothing", async () => {
    const child = findPeople("8-12");
    const { vm } = settings({ findable: child.vm });
    // Before any tap: the refusal, and (in the view) nothing to switch.
    expect(vm.getSnapshot().findable?.setting.refused?.map((notice) => notice.id)).toEqual([
      "setting-locked",
    ]);
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable?.setting.refused).toBeDefined();
    expect(child.setFindable).not.toHaveBeenCalled();
  });

  it("lets a teen become findable after reading, as in Find people", async () => {
    const teen = findPeople("13-15");
    const { vm } = settings({ findable: teen.vm });
    await vm.requestFindable(true);
    expect(vm.getSnapshot().findable?.setting.confirming?.newValue).toBe(true);
    await vm.confirmFindable();
    expect(teen.setFindable).toHaveBeenCalledWith(true);
    expect(vm.getSnapshot().findable?.setting.on).toBe(true);
    vm.dispose();
  });

  it("signs out once, and goes back", async () => {
    const { vm, deps } = settings();
    const first = vm.signOut();
    expect(vm.getSnapshot().signingOut).toBe(true);
    await vm.signOut();
    await first;
    expect(deps.signOut).toHaveBeenCalledTimes(1);
    vm.back();
    expect(deps.back).toHaveBeenCalledTimes(1);
  });
});
