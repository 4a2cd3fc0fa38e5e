// The study's event vocabulary. An event has no free-text field at all: every
// value is a closed enum, a number, or an id the engine produced (decision id,
// pack id, copy key) checked against the study's vocabulary. Message content,
// names and Matrix IDs have nowhere to go, and anything else is dropped.

import {
  ACTION_IDS,
  DECISION_POINTS,
  HELP_MOMENTS,
  HELP_RESOURCE_IDS,
  NO_PACK,
  PACK_NOTICE_IDS,
  POLICY_ERROR_NOTICE_ID,
  REPORT_CATEGORIES,
  REPORT_TARGETS,
  allCopyKeys,
  type ActionId,
  type CompiledPack,
  type HelpMoment,
  type HelpResourceId,
  type NoticeId,
  type ReportCategory,
  type ReportTarget,
} from "@safety-by-design/policy-engine";

export const REQUEST_CHOICES = ["accepted", "ignored", "blocked"] as const;
export type RequestChoice = (typeof REQUEST_CHOICES)[number];

export const NOTICE_IDS: readonly NoticeId[] = [...PACK_NOTICE_IDS, POLICY_ERROR_NOTICE_ID];

/** What a view model records. The recorder adds participant, scenario, time and order. */
export type StudyEventInput =
  | {
      readonly kind: "notice-shown";
      readonly decisionId: string;
      readonly packId: string;
      readonly noticeId: NoticeId;
      readonly copyKey: string;
    }
  | { readonly kind: "why-opened"; readonly decisionId: string; readonly packId: string }
  | { readonly kind: "help-opened"; readonly moment: HelpMoment }
  | {
      readonly kind: "help-resource-opened";
      readonly moment: HelpMoment;
      readonly resource: HelpResourceId;
    }
  | {
      readonly kind: "request-answered";
      readonly decisionId: string;
      readonly packId: string;
      readonly choice: RequestChoice;
    }
  | {
      readonly kind: "action-chosen";
      readonly decisionId: string;
      readonly packId: string;
      readonly action: ActionId;
    }
  | {
      readonly kind: "report-filed";
      readonly decisionId: string;
      readonly packId: string;
      readonly category: ReportCategory;
      readonly target: ReportTarget;
    };

/** Events only the study log itself writes, when the facilitator starts or ends a scenario. */
export type ScenarioEvent =
  { readonly kind: "scenario-started" } | { readonly kind: "scenario-ended" };

export type StudyEvent = StudyEventInput | ScenarioEvent;
export type StudyEventKind = StudyEvent["kind"];

export const STUDY_EVENT_KINDS = [
  "scenario-started",
  "notice-shown",
  "why-opened",
  "help-opened",
  "help-resource-opened",
  "request-answered",
  "action-chosen",
  "report-filed",
  "scenario-ended",
] as const satisfies readonly StudyEventKind[];

/** One stored line of the log. */
export type StudyRecord = StudyEvent & {
  /** Random pseudonym created when consent is given (`p-` and 16 hex digits). */
  readonly participant: string;
  /** The facilitator's scenario id, or null outside a scenario. */
  readonly scenario: string | null;
  /** Counts the participant's scenario runs from 1; 0 outside a scenario. */
  readonly run: number;
  /** Order of the participant's records, from 1. */
  readonly seq: number;
  /** When it happened, ms since the Unix epoch (the device clock). */
  readonly at: number;
};

/** What may appear in a study's log: the scenario ids of the study and the packs it can run. */
export type StudyVocabulary = {
  readonly scenarioIds: ReadonlySet<string>;
  readonly packIds: ReadonlySet<string>;
  readonly copyKeys: ReadonlySet<string>;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COPY_KEY = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;
const DECISION_ID =
  /^([a-z0-9]+(?:-[a-z0-9]+)*)@\d{1,6}\.\d{1,6}\.\d{1,6}\/([a-z-]+)\/[0-9a-f]{16}$/;
const PARTICIPANT = /^p-[0-9a-f]{16}$/;
const MAX_ID_LENGTH = 64;
const MAX_COPY_KEY_LENGTH = 128;
const DECISION_ID_POINTS: ReadonlySet<string> = new Set([...DECISION_POINTS, "invalid-request"]);

/**
 * Builds the vocabulary of a study. Throws on a scenario id that is not a
 * lower-case slug: scenario ids are written by researchers, never by users.
 */
export function createStudyVocabulary(input: {
  readonly scenarioIds: readonly string[];
  readonly packs: readonly CompiledPack[];
}): StudyVocabulary {
  for (const id of input.scenarioIds) {
    if (!isSlug(id)) {
      throw new TypeError(
        `scenario id must be lower-case words joined by "-": ${JSON.stringify(id)}`,
      );
    }
  }
  return {
    scenarioIds: new Set(input.scenarioIds),
    packIds: new Set([NO_PACK.id, ...input.packs.map((pack) => pack.ref.id)]),
    copyKeys: new Set(input.packs.flatMap((pack) => allCopyKeys(pack))),
  };
}

export function isSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_ID_LENGTH && SLUG.test(value);
}

export function isScenarioId(value: unknown, vocabulary: StudyVocabulary): value is string {
  return isSlug(value) && vocabulary.scenarioIds.has(value);
}

export function isParticipantId(value: unknown): value is string {
  return typeof value === "string" && PARTICIPANT.test(value);
}

function isPackId(value: unknown, vocabulary: StudyVocabulary): value is string {
  return isSlug(value) && vocabulary.packIds.has(value);
}

function isCopyKey(value: unknown, vocabulary: StudyVocabulary): value is string {
  return (
    typeof value === "string" &&
    value.length <= MAX_COPY_KEY_LENGTH &&
    COPY_KEY.test(value) &&
    vocabulary.copyKeys.has(value)
  );
}

/** A decision id of the engine (`<pack>@<version>/<point>/<16 hex>`) whose pack is `packId`. */
function isDecisionId(value: unknown, packId: string): value is string {
  if (typeof value !== "string" || value.length > 128) return false;
  const match = DECISION_ID.exec(value);
  return match !== null && match[1] === packId && DECISION_ID_POINTS.has(match[2] ?? "");
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (options as readonly string[]).includes(value);
}

/** The largest time a Date can hold. */
const MAX_TIME = 8_640_000_000_000_000;

export function isTime(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_TIME
  );
}

export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The decision an event refers to, copied only when both ids are valid. */
function decisionRef(
  fields: Fields,
  vocabulary: StudyVocabulary,
): { decisionId: string; packId: string } | null {
  const packId = fields["packId"];
  const decisionId = fields["decisionId"];
  if (!isPackId(packId, vocabulary) || !isDecisionId(decisionId, packId)) return null;
  return { decisionId, packId };
}

/**
 * Returns a fresh event holding only the known fields of `value`, each
 * validated, or null when any is missing or invalid. Unknown fields are never
 * copied, so whatever else a caller passes cannot reach the log.
 */
export function sanitizeEvent(value: unknown, vocabulary: StudyVocabulary): StudyEvent | null {
  if (!isFields(value)) return null;
  const kind = value["kind"];
  switch (kind) {
    case "scenario-started":
    case "scenario-ended":
      return { kind };
    case "notice-shown": {
      const ref = decisionRef(value, vocabulary);
      const noticeId = value["noticeId"];
      const copyKey = value["copyKey"];
      if (ref === null || !isOneOf(NOTICE_IDS, noticeId) || !isCopyKey(copyKey, vocabulary)) {
        return null;
      }
      return { kind, ...ref, noticeId, copyKey };
    }
    case "why-opened": {
      const ref = decisionRef(value, vocabulary);
      return ref === null ? null : { kind, ...ref };
    }
    case "help-opened": {
      const moment = value["moment"];
      return isOneOf(HELP_MOMENTS, moment) ? { kind, moment } : null;
    }
    case "help-resource-opened": {
      const moment = value["moment"];
      const resource = value["resource"];
      if (!isOneOf(HELP_MOMENTS, moment) || !isOneOf(HELP_RESOURCE_IDS, resource)) return null;
      return { kind, moment, resource };
    }
    case "request-answered": {
      const ref = decisionRef(value, vocabulary);
      const choice = value["choice"];
      return ref === null || !isOneOf(REQUEST_CHOICES, choice) ? null : { kind, ...ref, choice };
    }
    case "action-chosen": {
      const ref = decisionRef(value, vocabulary);
      const action = value["action"];
      return ref === null || !isOneOf(ACTION_IDS, action) ? null : { kind, ...ref, action };
    }
    case "report-filed": {
      const ref = decisionRef(value, vocabulary);
      const category = value["category"];
      const target = value["target"];
      if (ref === null || !isOneOf(REPORT_CATEGORIES, category)) return null;
      if (!isOneOf(REPORT_TARGETS, target)) return null;
      return { kind, ...ref, category, target };
    }
    default:
      return null;
  }
}

/**
 * Checks a record read back from storage with the same vocabulary as when
 * recording; null drops it. So a record of a scenario or pack since removed
 * from the study is dropped too: export before changing them.
 */
export function sanitizeRecord(value: unknown, vocabulary: StudyVocabulary): StudyRecord | null {
  if (!isFields(value)) return null;
  const event = sanitizeEvent(value, vocabulary);
  const { participant, scenario, run, seq, at } = value;
  if (event === null || !isParticipantId(participant)) return null;
  if (!(scenario === null || isScenarioId(scenario, vocabulary))) return null;
  if (!isCount(run) || !isCount(seq) || !isTime(at)) return null;
  if ((scenario === null) !== (run === 0)) return null;
  return { ...event, participant, scenario, run, seq, at };
}
