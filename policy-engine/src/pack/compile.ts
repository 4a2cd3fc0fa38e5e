// Turns a validated pack into frozen lookup tables, so that deciding is a
// handful of property reads: no validation, no parsing, no allocation of
// notices on the hot path (notice objects are built here, once per band).

import { AGE_BANDS, COPY_SUFFIX } from "../model/bands.ts";
import type { AgeBand } from "../model/bands.ts";
import type { Notice, PackPurpose, PackRef, ReportDestination } from "../model/decisions.ts";
import type {
  ChildSexualAbuseScope,
  DisclosureCell,
  DiscoveryVisibility,
  IncomingMediaEffect,
  MediaUnsendMode,
  OutgoingMediaEffect,
} from "../model/effects.ts";
import {
  HELP_MOMENTS,
  HELP_NEEDS,
  MEDIA_KINDS,
  PACK_NOTICE_IDS,
  PROTECTIVE_SETTINGS,
  RELATIONSHIP_CLASSES,
  REPORT_CATEGORIES,
  REPORT_TARGETS,
  STRANGER_CLASSES,
} from "../model/ids.ts";
import type {
  ActionId,
  AdviceDestination,
  HelpMoment,
  HelpNeed,
  HelpResourceId,
  MediaKind,
  MediaRelationship,
  PackNoticeId,
  ProtectiveSetting,
  RelationshipClass,
  ReportCategory,
  ReportSheet,
  ReportTarget,
  StrangerClass,
} from "../model/ids.ts";
import type {
  ContactContribution,
  IncomingContactContribution,
  SettingChangeContribution,
} from "../rules/contributions.ts";
import type { PolicyPack } from "./schema.ts";

type ByBand<T> = Readonly<Record<AgeBand, T>>;

export type CompiledRecentlyAccepted = {
  readonly durationMs: number;
  readonly notice: PackNoticeId;
};

export type CompiledReportRouting = {
  readonly chats: readonly ReportDestination[];
  readonly publicWebsites: readonly ReportDestination[];
  readonly childSexualAbuse: ChildSexualAbuseScope;
  /** Advice instead of `chats` between verified peers; null: the same as for anyone. */
  readonly betweenPeers: readonly ReportDestination[] | null;
};

/** A pack ready to decide with. Build it with `loadPack`/`parsePack`; treat it as opaque. */
export type CompiledPack = {
  readonly kind: "compiled-pack";
  readonly ref: PackRef & { readonly purpose: PackPurpose };
  readonly jurisdiction: string;
  /** The validated pack as written, for tooling (copy keys, docs, exports). */
  readonly source: PolicyPack;
  readonly guards: PolicyPack["guards"];
  readonly peers: ByBand<ByBand<boolean>>;
  readonly notices: Readonly<Record<PackNoticeId, ByBand<Notice>>>;
  readonly discovery: {
    readonly visibility: ByBand<ByBand<DiscoveryVisibility>>;
    readonly minorsInStrangersSuggestions: PolicyPack["discovery"]["minorsInStrangersSuggestions"];
  };
  readonly contact: ByBand<Readonly<Record<RelationshipClass, ContactContribution>>>;
  readonly contactWithoutAnswer: ByBand<ContactContribution>;
  readonly incomingContact: {
    readonly cells: ByBand<Readonly<Record<RelationshipClass, IncomingContactContribution>>>;
    readonly signals: PolicyPack["incomingContact"]["signals"];
  };
  readonly conversationNotice: {
    readonly recentlyAccepted: ByBand<
      Readonly<Record<StrangerClass, CompiledRecentlyAccepted | null>>
    >;
    readonly nameResemblesContact: boolean;
    readonly nameResemblesHelpService: boolean;
  };
  readonly disclosure: ByBand<Readonly<Record<RelationshipClass, DisclosureCell>>>;
  readonly report: {
    readonly categories: Readonly<Record<ReportCategory, CompiledReportRouting>>;
    readonly categoryChoices: ByBand<readonly ReportCategory[]>;
    readonly defaultCategory: PolicyPack["report"]["defaultCategory"];
    /** peers[reporter band][reported band]: verified peers for routing. */
    readonly peers: ByBand<ByBand<boolean>>;
    readonly sheet: ByBand<ReportSheet>;
    readonly afterActions: Readonly<Record<ReportTarget, readonly ActionId[]>>;
    readonly evidence: PolicyPack["report"]["evidence"];
    readonly bandsToModerators: PolicyPack["report"]["bandsToModerators"];
  };
  readonly help: {
    readonly moments: Readonly<Record<HelpMoment, ByBand<readonly HelpResourceId[]>>>;
    readonly afterReportCategory: Readonly<Record<ReportCategory, readonly HelpResourceId[]>>;
    readonly afterReportBetweenPeers: readonly HelpResourceId[];
    readonly needs: Readonly<Record<HelpNeed, ByBand<readonly HelpResourceId[]>>>;
  };
  readonly settingChanges: Readonly<Record<ProtectiveSetting, ByBand<SettingChangeContribution>>>;
  readonly room: PolicyPack["room"];
  readonly media: {
    readonly recentlyAcceptedMs: ByBand<number>;
    readonly incoming: ByBand<Readonly<Record<MediaRelationship, IncomingMediaEffect>>>;
    readonly outgoing: ByBand<Readonly<Record<MediaRelationship, OutgoingMediaEffect>>>;
    readonly thinkFirstKinds: Readonly<Record<MediaKind, boolean>>;
    readonly unsend: ByBand<MediaUnsendMode>;
    readonly help: ByBand<readonly HelpResourceId[]>;
  };
};

const HOUR_MS = 3_600_000;

/** Build a record with one entry per key, in key order (so iteration order is stable). */
function table<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const result: Partial<Record<K, V>> = {};
  for (const key of keys) result[key] = value(key);
  return result as Record<K, V>;
}

function adviceList(destinations: readonly AdviceDestination[]): readonly ReportDestination[] {
  return destinations.map((id) => ({ id, delivery: "advice" }));
}

/** Compiles a pack that already passed `PolicyPackSchema`. */
export function compilePack(pack: PolicyPack): CompiledPack {
  const notices = table(PACK_NOTICE_IDS, (id) => {
    const definition = pack.notices[id];
    return table(AGE_BANDS, (band): Notice => ({
      id,
      severity: definition.severity,
      copyKey: definition.perBand
        ? `${definition.copyKey}.${COPY_SUFFIX[band]}`
        : definition.copyKey,
    }));
  });
  const resolve = (ids: readonly PackNoticeId[], reader: AgeBand): readonly Notice[] =>
    ids.map((id) => notices[id][reader]);

  const compiled: CompiledPack = {
    kind: "compiled-pack",
    ref: { id: pack.id, version: pack.version, purpose: pack.purpose },
    jurisdiction: pack.jurisdiction,
    source: pack,
    guards: pack.guards,
    peers: table(AGE_BANDS, (band) => {
      const peers = new Set<AgeBand>(pack.peers[band]);
      return table(AGE_BANDS, (other) => peers.has(other));
    }),
    notices,
    discovery: pack.discovery,
    contact: table(AGE_BANDS, (sender) =>
      table(RELATIONSHIP_CLASSES, (relation): ContactContribution => {
        const cell = pack.contact[sender][relation];
        return { effect: cell.effect, notices: resolve(cell.notices, sender) };
      }),
    ),
    contactWithoutAnswer: table(AGE_BANDS, (sender): ContactContribution => {
      const cell = pack.contactWithoutAnswer[sender];
      return { effect: cell.effect, notices: resolve(cell.notices, sender) };
    }),
    incomingContact: {
      cells: table(AGE_BANDS, (recipient) =>
        table(RELATIONSHIP_CLASSES, (relation): IncomingContactContribution => {
          const cell = pack.incomingContact.cells[recipient][relation];
          return {
            effect: cell.presentation,
            preview: cell.preview,
            accept: cell.accept,
            notices: resolve(cell.notices, recipient),
          };
        }),
      ),
      signals: pack.incomingContact.signals,
    },
    conversationNotice: {
      recentlyAccepted: table(AGE_BANDS, (self) =>
        table(STRANGER_CLASSES, (relation) => {
          const cell = pack.conversationNotice.recentlyAccepted[self][relation];
          return cell === null ? null : { durationMs: cell.hours * HOUR_MS, notice: cell.notice };
        }),
      ),
      nameResemblesContact: pack.conversationNotice.nameResemblesContact,
      nameResemblesHelpService: pack.conversationNotice.nameResemblesHelpService,
    },
    disclosure: pack.disclosure,
    report: {
      categories: table(REPORT_CATEGORIES, (category) => {
        const routing = pack.report.categories[category];
        return {
          chats: adviceList(routing.adviseForMaterialInChats),
          publicWebsites: adviceList(routing.adviseForPublicWebsites),
          childSexualAbuse: routing.childSexualAbuse,
          betweenPeers:
            routing.adviseBetweenPeers === undefined
              ? null
              : adviceList(routing.adviseBetweenPeers),
        };
      }),
      categoryChoices: table(AGE_BANDS, (band) => pack.report.categoryChoices[band]),
      defaultCategory: pack.report.defaultCategory,
      peers: table(AGE_BANDS, (band) => {
        const peers = new Set<AgeBand>(pack.report.peers[band]);
        return table(AGE_BANDS, (other) => peers.has(other));
      }),
      sheet: table(AGE_BANDS, (band) => pack.report.sheet[band]),
      afterActions: table(REPORT_TARGETS, (target) => pack.report.afterActions[target]),
      evidence: pack.report.evidence,
      bandsToModerators: pack.report.bandsToModerators,
    },
    help: {
      moments: table(HELP_MOMENTS, (moment) =>
        table(AGE_BANDS, (band) => pack.help.moments[moment][band]),
      ),
      afterReportCategory: pack.help.afterReportCategory,
      afterReportBetweenPeers: pack.help.afterReportBetweenPeers,
      needs: table(HELP_NEEDS, (need) => table(AGE_BANDS, (band) => pack.help.needs[need][band])),
    },
    settingChanges: table(PROTECTIVE_SETTINGS, (setting) =>
      table(AGE_BANDS, (band): SettingChangeContribution => {
        const cell = pack.settingChanges[setting][band];
        return { effect: cell.effect, notices: resolve(cell.notices, band) };
      }),
    ),
    room: pack.room,
    media: {
      recentlyAcceptedMs: table(
        AGE_BANDS,
        (band) => pack.media.recentlyAcceptedHours[band] * HOUR_MS,
      ),
      incoming: pack.media.incoming,
      outgoing: pack.media.outgoing,
      thinkFirstKinds: table(MEDIA_KINDS, (kind) => pack.media.thinkFirstKinds.includes(kind)),
      unsend: pack.media.unsend,
      help: pack.media.help,
    },
  };
  return deepFreeze(compiled);
}

/** Decisions share these objects, so nothing downstream may change them. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
