// What a single rule may contribute to a decision. A rule returns one of these
// (or null when it does not apply); the point's combiner folds them, the most
// protective effect winning (see engine/run-rules.ts).

import type {
  AcceptMode,
  IncomingMediaEffect,
  OutgoingMediaEffect,
  ContactEffect,
  ConversationNoticeEffect,
  DisclosureEffect,
  DiscoveryEffect,
  HelpEffect,
  IncomingPresentation,
  NotificationContent,
  Preview,
  ReportEffect,
  RoomPresentation,
  SettingChangeEffect,
} from "../model/effects.ts";
import type { Notice, ReportDestination } from "../model/decisions.ts";
import type { ActionId, DsaField, HelpResourceId, ReportCategory } from "../model/ids.ts";

export type DiscoveryContribution = { readonly effect: DiscoveryEffect };

export type ContactContribution = {
  readonly effect: ContactEffect;
  readonly notices: readonly Notice[];
};

export type IncomingContactContribution = {
  readonly effect?: IncomingPresentation;
  readonly preview?: Preview;
  readonly accept?: AcceptMode;
  readonly notices: readonly Notice[];
};

export type ConversationNoticeContribution = {
  readonly effect: ConversationNoticeEffect;
  readonly notices: readonly Notice[];
};

export type DisclosureContribution = { readonly effect: DisclosureEffect };

export type ReportContribution = {
  readonly effect?: ReportEffect;
  readonly destinations?: readonly ReportDestination[];
  readonly requiredFields?: readonly DsaField[];
  readonly reporterIdentityOptional?: true;
  readonly actions?: readonly ActionId[];
  /** Messages before the reported one to send as evidence. */
  readonly contextMessages?: number;
  /** Messages of a reported request to send sealed, never shown to the reporter. */
  readonly requestMessages?: number;
};

/** The one-tap default category is decided before the other report rules run. */
export type ReportCategoryContribution = { readonly category: ReportCategory };

export type HelpContribution = {
  /** Help rules never change the effect (always "show-help"); the field keeps the shape uniform. */
  readonly effect?: HelpEffect;
  readonly help: readonly HelpResourceId[];
};

export type SettingChangeContribution = {
  readonly effect: SettingChangeEffect;
  readonly notices: readonly Notice[];
};

export type RoomContribution = {
  readonly effect?: RoomPresentation;
  readonly notices: readonly Notice[];
  /** Strangers who appeared after the device user are announced where they appeared. */
  readonly announceNewStrangers?: true;
  /** At most this much in a notification of a shown member's message (unset: sender and text). */
  readonly notification?: NotificationContent;
};

/** Incoming and outgoing rules never run together, so one contribution type serves both directions. */
export type MediaContribution = {
  readonly effect?: IncomingMediaEffect | OutgoingMediaEffect;
  readonly notices: readonly Notice[];
  /** The decision holds until then (ms): e.g. "recently accepted" ends. */
  readonly until?: number;
  /** Offer "unsend" after sending, with the caveat. */
  readonly unsend?: true;
};
