// Composition support: the deployment's configuration, read once from the
// build environment (Vite's `import.meta.env`, set by tools/lib/deployment.ts
// for the demo and the tests). Trust anchors are configuration, never code:
// which age issuers to trust, where to ask for an attestation, which
// gatekeeper "Find people" asks, and which key seals reports for the
// moderation team.
//
// A broken value never throws here. It becomes "not configured" plus a
// problem the app can show: no trusted issuer means everyone is `unverified`
// (the protective reading); no moderation key means reports cannot be sealed
// and the report screen says so instead of sending anything readable.

export type TrustedAgeIssuer = {
  readonly keyId: string;
  /** Ed25519 public key, base64url. */
  readonly publicKey: string;
};

export type DeploymentConfig = {
  /** The homeserver the sign-in screen offers first. */
  readonly homeserverUrl: string;
  /** The age-assurance provider's attestation endpoint (base URL); undefined: none. */
  readonly ageIssuerUrl: string | undefined;
  /** The discovery gatekeeper ("Find people", base URL); undefined: Find people is not available. */
  readonly discoveryServiceUrl: string | undefined;
  readonly trustedAgeIssuers: readonly TrustedAgeIssuer[];
  /**
   * The moderation team's current X25519 public keys (base64url, comma-separated:
   * one per moderator or per team) every report is sealed to, so that any one
   * of them opens it; undefined: reporting cannot seal.
   */
  readonly moderationPublicKey: string | undefined;
  /**
   * The report intake (base URL), through which a report that withholds the
   * reporter reaches the moderators without the reporter's account on it;
   * undefined: such a report cannot be sent (docs/measures/reporting.md).
   */
  readonly reportIntakeUrl: string | undefined;
  /** The intake's account: the moderators accept report parts in their room from it only. */
  readonly reportIntakeUser: string | undefined;
  /** The moderation room (alias or room ID) the intake posts into. */
  readonly moderationRoom: string | undefined;
  /** Receiving bodies' X25519 public keys (base64url) by help resource id, for handoff packages. */
  readonly handoffKeys: Readonly<Record<string, string>>;
  /** Handling deadlines in hours per report category; "*" for every other one. */
  readonly moderationDeadlineHours: Readonly<Record<string, number>>;
  /** The local study service (scenarios for the facilitator console); undefined: none. */
  readonly studyServiceUrl: string | undefined;
  /** Accounts that may open the facilitator console. */
  readonly studyFacilitators: readonly string[];
  /**
   * The moderation team's own accounts: their names ("Moderatie") are not an
   * impersonation of a help service when they come from these Matrix IDs.
   */
  readonly moderationAccounts: readonly string[];
  /**
   * This deployment runs usability studies (VITE_STUDY_MODE=1): a study
   * assignment on the device may put an account on another pack, even the
   * unprotected `baseline` control arm. Off unless configured: elsewhere an
   * assignment is ignored (and the app says so), and every account runs the
   * production pack.
   */
  readonly studyMode: boolean;
  /**
   * Where the quick exit ("Snel weg") goes: a neutral public page that looks
   * like nothing in particular on a phone (default: the KNMI, the national
   * weather service, DEFAULT_QUICK_EXIT_URL). It replaces the app's history
   * entry (docs/measures/help.md).
   */
  readonly quickExitUrl: string;
  /**
   * The largest photo or file a person may send, in bytes (VITE_MAX_ATTACHMENT_MB;
   * default 25 MB). The homeserver has its own limit (Synapse: 50 MB by default).
   */
  readonly maxAttachmentBytes: number;
  /**
   * Reported media (RMEDIA): the caps on what a report takes along. Per item
   * VITE_REPORT_MEDIA_MAX_MB (1 to 8, default 8: what a handoff package can
   * carry), per report VITE_REPORT_MEDIA_MAX_ITEMS (1 to 4, default 4) and
   * VITE_REPORT_MEDIA_MAX_TOTAL_MB (default items × per item). MB are MiB.
   */
  readonly reportMediaLimits: {
    readonly maxItemBytes: number;
    readonly maxReportBytes: number;
    readonly maxItems: number;
  };
  /** What was wrong with the configuration, in English, for the console and the about screen. */
  readonly problems: readonly string[];
};

export type DeploymentEnvironment = {
  readonly VITE_HOMESERVER_URL?: string | undefined;
  readonly VITE_AGE_ISSUER_URL?: string | undefined;
  readonly VITE_DISCOVERY_SERVICE_URL?: string | undefined;
  /** JSON: `[{ "keyId": "...", "publicKey": "..." }]`. */
  readonly VITE_TRUSTED_AGE_ISSUERS?: string | undefined;
  readonly VITE_MODERATION_PUBLIC_KEY?: string | undefined;
  readonly VITE_STUDY_SERVICE_URL?: string | undefined;
  /** Comma-separated Matrix user IDs. */
  readonly VITE_STUDY_FACILITATORS?: string | undefined;
  /** Comma-separated Matrix user IDs of the moderation team's accounts. */
  readonly VITE_MODERATION_ACCOUNTS?: string | undefined;
  /** "1": study assignments take effect; anything else (or nothing): they are ignored. */
  readonly VITE_STUDY_MODE?: string | undefined;
  /** The quick exit's neutral page (http or https); default DEFAULT_QUICK_EXIT_URL. */
  readonly VITE_QUICK_EXIT_URL?: string | undefined;
  /** The largest attachment in megabytes (a whole number from 1 to 1024); default 25. */
  readonly VITE_MAX_ATTACHMENT_MB?: string | undefined;
  readonly VITE_REPORT_MEDIA_MAX_MB?: string | undefined;
  readonly VITE_REPORT_MEDIA_MAX_ITEMS?: string | undefined;
  readonly VITE_REPORT_MEDIA_MAX_TOTAL_MB?: string | undefined;
  readonly VITE_REPORT_INTAKE_URL?: string | undefined;
  readonly VITE_REPORT_INTAKE_USER?: string | undefined;
  readonly VITE_MODERATION_ROOM?: string | undefined;
  /** JSON: `{ "<help resource id>": "<base64url X25519 public key>" }`. */
  readonly VITE_HANDOFF_KEYS?: string | undefined;
  /** JSON: `{ "<report category>" | "*": hours }`. */
  readonly VITE_MODERATION_DEADLINES?: string | undefined;
};

const DEFAULT_HOMESERVER_URL = "http://127.0.0.1:8008";
/**
 * The national weather service's home page: public, without log-in, about
 * nothing personal, and what anyone might have open. A deployment may choose
 * another (VITE_QUICK_EXIT_URL), e.g. a local news or weather site.
 */
export const DEFAULT_QUICK_EXIT_URL = "https://www.knmi.nl/";
export const DEFAULT_MAX_ATTACHMENT_MB = 25;
const BASE64URL_KEY = /^[A-Za-z0-9_-]{43}$/;
/** As the protocol's MAX_MODERATION_KEYS (this module loads before the protocol's libsodium). */
const MAX_MODERATION_KEYS = 16;

export function readDeploymentConfig(env: DeploymentEnvironment): DeploymentConfig {
  const problems: string[] = [];
  const text = (value: string | undefined): string | undefined =>
    value === undefined || value.trim() === "" ? undefined : value.trim();

  const ageIssuerUrl = text(env.VITE_AGE_ISSUER_URL);
  if (ageIssuerUrl !== undefined && !isHttpUrl(ageIssuerUrl)) {
    problems.push("VITE_AGE_ISSUER_URL is not an http(s) URL; age attestations are off");
  }

  const discoveryServiceUrl = text(env.VITE_DISCOVERY_SERVICE_URL);
  if (discoveryServiceUrl !== undefined && !isHttpUrl(discoveryServiceUrl)) {
    problems.push("VITE_DISCOVERY_SERVICE_URL is not an http(s) URL; Find people is off");
  }

  const studyMode = text(env.VITE_STUDY_MODE);
  if (studyMode !== undefined && studyMode !== "1" && studyMode !== "0") {
    problems.push("VITE_STUDY_MODE is neither 1 nor 0; study assignments are ignored");
  }

  // A broken address would leave the person on an error page, or in the app: use the default.
  const quickExitUrl = text(env.VITE_QUICK_EXIT_URL);
  if (quickExitUrl !== undefined && !isHttpUrl(quickExitUrl)) {
    problems.push("VITE_QUICK_EXIT_URL is not an http(s) URL; the quick exit goes to the default");
  }

  // One or more current keys (a team: one per moderator or per team), comma-separated.
  const moderationKeyList = text(env.VITE_MODERATION_PUBLIC_KEY)
    ?.split(/[\s,]+/)
    .filter((key) => key !== "");
  const moderationKeysValid =
    moderationKeyList !== undefined &&
    moderationKeyList.length > 0 &&
    moderationKeyList.length <= MAX_MODERATION_KEYS &&
    moderationKeyList.every((key) => BASE64URL_KEY.test(key));
  const moderationPublicKey =
    moderationKeyList === undefined ? undefined : [...new Set(moderationKeyList)].join(",");
  if (moderationPublicKey !== undefined && !moderationKeysValid) {
    problems.push(
      `VITE_MODERATION_PUBLIC_KEY is not 1 to ${MAX_MODERATION_KEYS} comma-separated 32-byte base64url keys; reports cannot be sealed`,
    );
  }

  const maxAttachmentMb = text(env.VITE_MAX_ATTACHMENT_MB);
  const validAttachmentMb =
    maxAttachmentMb !== undefined &&
    /^[1-9]\d{0,3}$/.test(maxAttachmentMb) &&
    Number(maxAttachmentMb) <= 1024;
  if (maxAttachmentMb !== undefined && !validAttachmentMb) {
    problems.push(
      `VITE_MAX_ATTACHMENT_MB is not a whole number from 1 to 1024; the limit is ${String(DEFAULT_MAX_ATTACHMENT_MB)} MB`,
    );
  }
  const attachmentMb = validAttachmentMb ? Number(maxAttachmentMb) : DEFAULT_MAX_ATTACHMENT_MB;

  return {
    homeserverUrl: text(env.VITE_HOMESERVER_URL) ?? DEFAULT_HOMESERVER_URL,
    ageIssuerUrl: ageIssuerUrl !== undefined && isHttpUrl(ageIssuerUrl) ? ageIssuerUrl : undefined,
    discoveryServiceUrl:
      discoveryServiceUrl !== undefined && isHttpUrl(discoveryServiceUrl)
        ? discoveryServiceUrl
        : undefined,
    trustedAgeIssuers: parseTrustedIssuers(text(env.VITE_TRUSTED_AGE_ISSUERS), problems),
    moderationPublicKey: moderationKeysValid ? moderationPublicKey : undefined,
    studyServiceUrl: ((url) => (url !== undefined && isHttpUrl(url) ? url : undefined))(
      text(env.VITE_STUDY_SERVICE_URL),
    ),
    studyFacilitators: matrixUserIds(text(env.VITE_STUDY_FACILITATORS)),
    moderationAccounts: matrixUserIds(text(env.VITE_MODERATION_ACCOUNTS)),
    studyMode: studyMode === "1",
    quickExitUrl:
      quickExitUrl !== undefined && isHttpUrl(quickExitUrl) ? quickExitUrl : DEFAULT_QUICK_EXIT_URL,
    maxAttachmentBytes: attachmentMb * 1024 * 1024,
    reportMediaLimits: readReportMediaLimits(env, problems),
    ...readReportingConfig(env, problems),
    problems,
  };
}

/** The report intake, the moderation room, the handoff keys and the deadlines. */
function readReportingConfig(
  env: DeploymentEnvironment,
  problems: string[],
): Pick<
  DeploymentConfig,
  | "reportIntakeUrl"
  | "reportIntakeUser"
  | "moderationRoom"
  | "handoffKeys"
  | "moderationDeadlineHours"
> {
  const text = (value: string | undefined): string | undefined =>
    value === undefined || value.trim() === "" ? undefined : value.trim();
  const intakeUrl = text(env.VITE_REPORT_INTAKE_URL);
  if (intakeUrl !== undefined && !isHttpUrl(intakeUrl)) {
    problems.push(
      "VITE_REPORT_INTAKE_URL is not an http(s) URL; a report cannot leave the reporter's name out",
    );
  }
  const intakeUser = matrixUserIds(text(env.VITE_REPORT_INTAKE_USER))[0];
  const room = text(env.VITE_MODERATION_ROOM);
  const validRoom = room !== undefined && /^[#!][^:\s]+:\S+$/.test(room) ? room : undefined;
  const json = (name: string, value: string | undefined): Record<string, unknown> => {
    if (value === undefined) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>;
      }
    } catch {
      // reported below
    }
    problems.push(`${name} is not a JSON object; it is ignored`);
    return {};
  };
  const handoffKeys = Object.fromEntries(
    Object.entries(json("VITE_HANDOFF_KEYS", text(env.VITE_HANDOFF_KEYS))).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === "string" && BASE64URL_KEY.test(entry[1]),
    ),
  );
  const deadlines = Object.fromEntries(
    Object.entries(json("VITE_MODERATION_DEADLINES", text(env.VITE_MODERATION_DEADLINES))).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === "number" && Number.isFinite(entry[1]) && entry[1] > 0,
    ),
  );
  return {
    reportIntakeUrl: intakeUrl !== undefined && isHttpUrl(intakeUrl) ? intakeUrl : undefined,
    reportIntakeUser: intakeUser,
    moderationRoom: validRoom,
    handoffKeys,
    moderationDeadlineHours: deadlines,
  };
}

/** The protocol's own bounds: a handoff package carries at most 8 MiB per item, a bundle 4 items. */
const REPORT_MEDIA_MAX_MB = 8;
const REPORT_MEDIA_MAX_ITEMS = 4;

/** Reported media's caps; a value out of its range is reported and the default used. */
function readReportMediaLimits(
  env: DeploymentEnvironment,
  problems: string[],
): DeploymentConfig["reportMediaLimits"] {
  const whole = (name: string, value: string | undefined, max: number): number | undefined => {
    const trimmed = value?.trim() ?? "";
    if (trimmed === "") return undefined;
    if (/^[1-9]\d{0,4}$/.test(trimmed) && Number(trimmed) <= max) return Number(trimmed);
    problems.push(`${name} is not a whole number from 1 to ${String(max)}; the default is used`);
    return undefined;
  };
  const itemMb =
    whole("VITE_REPORT_MEDIA_MAX_MB", env.VITE_REPORT_MEDIA_MAX_MB, REPORT_MEDIA_MAX_MB) ??
    REPORT_MEDIA_MAX_MB;
  const items =
    whole("VITE_REPORT_MEDIA_MAX_ITEMS", env.VITE_REPORT_MEDIA_MAX_ITEMS, REPORT_MEDIA_MAX_ITEMS) ??
    REPORT_MEDIA_MAX_ITEMS;
  const totalMb =
    whole(
      "VITE_REPORT_MEDIA_MAX_TOTAL_MB",
      env.VITE_REPORT_MEDIA_MAX_TOTAL_MB,
      REPORT_MEDIA_MAX_MB * REPORT_MEDIA_MAX_ITEMS,
    ) ?? itemMb * items;
  return {
    maxItemBytes: itemMb * 1024 * 1024,
    maxReportBytes: totalMb * 1024 * 1024,
    maxItems: items,
  };
}

/** A comma-separated list of Matrix user IDs; anything else in it is dropped. */
function matrixUserIds(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => /^@[^:\s]+:\S+$/.test(id));
}

/** A list that does not parse trusts nobody: everyone stays `unverified`. */
function parseTrustedIssuers(json: string | undefined, problems: string[]): TrustedAgeIssuer[] {
  if (json === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    problems.push("VITE_TRUSTED_AGE_ISSUERS is not JSON; no age issuer is trusted");
    return [];
  }
  const valid =
    Array.isArray(value) &&
    value.every(
      (entry: unknown) =>
        typeof entry === "object" &&
        entry !== null &&
        typeof (entry as Record<string, unknown>)["keyId"] === "string" &&
        typeof (entry as Record<string, unknown>)["publicKey"] === "string" &&
        BASE64URL_KEY.test((entry as Record<string, string>)["publicKey"] ?? ""),
    );
  if (!valid) {
    problems.push(
      "VITE_TRUSTED_AGE_ISSUERS is not a list of { keyId, publicKey }; no age issuer is trusted",
    );
    return [];
  }
  return (value as Record<string, string>[]).map((entry) => ({
    keyId: entry["keyId"] ?? "",
    publicKey: entry["publicKey"] ?? "",
  }));
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
