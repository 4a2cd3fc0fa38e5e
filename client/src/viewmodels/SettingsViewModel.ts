// View model of Settings: the language, being findable (Find people's own
// setting, with the engine's decision and information first), which rules
// protect the person (the deciding pack's own label and description), the
// theme, notifications and signing out. What notifications may show is the
// engine's (policy/decideNotifications.ts); whether being findable may be
// switched on is the engine's (FindPeopleViewModel). This file decides
// nothing: it words nothing either, and only carries what was decided.

import {
  BUNDLED_PACK_IDS,
  type NotificationContent,
  type PackAbout,
  type PolicyEngine,
} from "@safety-by-design/policy-engine";
import type { Locale, MessageKey } from "../i18n/i18n.ts";
import type { DevicePorts, NotificationPermissionState, ThemeChoice } from "./device.ts";
import type { FindableSetting, FindPeopleViewModel } from "./FindPeopleViewModel.ts";
import type { ReportOutcomes } from "../reporting/reportOutcomes.ts";
import { ViewModel } from "./ViewModel.ts";

/** Which rules protect the person: the deciding pack, in its own words. */
export type RulesView = {
  /** undefined when no pack loaded (then `failed`). */
  readonly about: PackAbout | undefined;
  /** A study's pack (a variant, or the control arm): the screen says the person takes part in one. */
  readonly study: boolean;
  /** The pack did not load: every decision is the most protective one. */
  readonly failed: boolean;
};

/**
 * Notifications on this device. `offer`: the button the screen shows
 * ("turn-on" while off and possible; "turn-off" while on; "none" when this
 * browser cannot, the browser refused, or the rules allow no notification).
 */
export type NotificationsView = {
  readonly on: boolean;
  readonly permission: NotificationPermissionState;
  /** The browser's own question is open. */
  readonly asking: boolean;
  /** At most what a notification may show this person (the engine's room decision). */
  readonly shows: NotificationContent;
  readonly offer: "turn-on" | "turn-off" | "none";
};

/** Being findable, as Find people has it; undefined without discovery in this session. */
export type FindableView = {
  /** Discovery works here (otherwise only switching it off is offered, as in Find people). */
  readonly available: boolean;
  readonly setting: FindableSetting;
  /** Saving the setting failed. */
  readonly error: MessageKey | undefined;
};

export type SettingsSnapshot = {
  readonly userId: string;
  readonly theme: ThemeChoice;
  readonly rules: RulesView;
  readonly notifications: NotificationsView;
  readonly findable: FindableView | undefined;
  readonly signingOut: boolean;
  /** "Mijn meldingen": outcomes that came back and were not seen yet (the dot on the entry). */
  readonly myReportsUnseen: number;
};

export type SettingsViewActions = {
  readonly back: () => void;
  readonly setLocale: (locale: Locale) => void;
  readonly setTheme: (theme: ThemeChoice) => void;
  /** Asks the browser's permission first when needed: call only from the person's tap. */
  readonly turnOnNotifications: () => Promise<void>;
  readonly turnOffNotifications: () => void;
  readonly requestFindable: (newValue: boolean) => Promise<void>;
  readonly confirmFindable: () => Promise<void>;
  readonly cancelFindable: () => void;
  readonly signOut: () => Promise<void>;
  readonly openMyReports: () => void;
};

export type SettingsDependencies = {
  readonly userId: string;
  /** The session's engine: which pack decides, in its own words. */
  readonly engine: Pick<PolicyEngine, "pack" | "about" | "problems">;
  readonly notificationContent: () => NotificationContent;
  /** The root's language choice; the language shown is the app's (the view reads it). */
  readonly setLocale: (locale: Locale) => void;
  readonly device: DevicePorts;
  /** Find people's view model, for its findable setting; disposed with this one. */
  readonly findable: FindPeopleViewModel | undefined;
  readonly back: () => void;
  readonly signOut: () => Promise<void>;
  /** "Mijn meldingen" (issue 18): opens the list; `outcomes` counts what came back unseen. */
  readonly myReports?: {
    readonly open: () => void;
    readonly outcomes?: Pick<ReportOutcomes, "getSnapshot" | "subscribe">;
  };
};

const SETTING_ERROR: MessageKey = "findPeople.error.setting";

export class SettingsViewModel extends ViewModel<SettingsSnapshot> implements SettingsViewActions {
  readonly #deps: SettingsDependencies;
  #asking = false;
  #signingOut = false;

  constructor(deps: SettingsDependencies) {
    super(snapshotOf(deps, false, false));
    this.#deps = deps;
    const outcomes = deps.myReports?.outcomes;
    if (outcomes !== undefined) {
      this.onDispose(
        outcomes.subscribe(() => {
          this.#refresh();
        }),
      );
    }
    const findable = deps.findable;
    if (findable !== undefined) {
      this.onDispose(
        findable.subscribe(() => {
          this.#refresh();
        }),
      );
      this.onDispose(() => {
        findable.dispose();
      });
    }
  }

  readonly back = (): void => {
    this.#deps.back();
  };

  readonly setLocale = (locale: Locale): void => {
    this.#deps.setLocale(locale);
  };

  readonly setTheme = (theme: ThemeChoice): void => {
    this.#deps.device.theme.set(theme);
    this.#refresh();
  };

  readonly turnOnNotifications = async (): Promise<void> => {
    const { notifications } = this.#deps.device;
    if (this.getSnapshot().notifications.offer !== "turn-on") return;
    let permission = notifications.permission();
    if (permission === "default") {
      this.#asking = true;
      this.#refresh();
      try {
        permission = await notifications.requestPermission();
      } finally {
        this.#asking = false;
      }
    }
    if (permission === "granted") notifications.setEnabled(true);
    this.#refresh();
  };

  readonly turnOffNotifications = (): void => {
    this.#deps.device.notifications.setEnabled(false);
    this.#refresh();
  };

  readonly requestFindable = async (newValue: boolean): Promise<void> => {
    await this.#deps.findable?.requestFindable(newValue);
  };

  readonly confirmFindable = async (): Promise<void> => {
    await this.#deps.findable?.confirmFindable();
  };

  readonly cancelFindable = (): void => {
    this.#deps.findable?.cancelFindable();
  };

  readonly openMyReports = (): void => {
    this.#deps.myReports?.open();
  };

  readonly signOut = async (): Promise<void> => {
    if (this.#signingOut) return;
    this.#signingOut = true;
    this.#refresh();
    await this.#deps.signOut();
  };

  #refresh(): void {
    this.update(snapshotOf(this.#deps, this.#asking, this.#signingOut));
  }
}

function snapshotOf(
  deps: SettingsDependencies,
  asking: boolean,
  signingOut: boolean,
): SettingsSnapshot {
  const { engine, device } = deps;
  const failed = engine.problems.length > 0;
  const findable = deps.findable?.getSnapshot();
  return {
    userId: deps.userId,
    theme: device.theme.get(),
    rules: {
      about: failed ? undefined : engine.about,
      // The control arm and the researchers' variants exist only for studies.
      study:
        !failed &&
        (engine.pack.purpose === "control-arm" ||
          !BUNDLED_PACK_IDS.some((id) => id === engine.pack.id)),
      failed,
    },
    notifications: notificationsOf(deps, asking),
    findable:
      findable === undefined
        ? undefined
        : {
            available: findable.availability === "available",
            setting: findable.findable,
            error: findable.error === SETTING_ERROR ? SETTING_ERROR : undefined,
          },
    signingOut,
    myReportsUnseen: deps.myReports?.outcomes?.getSnapshot().unseen ?? 0,
  };
}

function notificationsOf(deps: SettingsDependencies, asking: boolean): NotificationsView {
  const { notifications } = deps.device;
  const permission = notifications.permission();
  const shows = deps.notificationContent();
  const on = notifications.enabled() && permission === "granted" && shows !== "none";
  const possible = shows !== "none" && (permission === "default" || permission === "granted");
  return {
    on,
    permission,
    asking,
    shows,
    offer: on ? "turn-off" : possible && !asking ? "turn-on" : "none",
  };
}
