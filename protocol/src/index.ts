// Protocol: the public API of @safety-by-design/protocol. The wire formats
// two devices (and the tools around them) must agree on: age attestations and
// presentations, the to-device messages that carry them, and sealed report
// bundles; with the one codec they share. Specified in docs/protocol.md, with
// test vectors in protocol/test-vectors/. Nothing else is exported; test
// fixtures are in the second entry, @safety-by-design/protocol/testing.

export {
  base64UrlLength,
  fromBase64Url,
  fromBase64UrlOfAnyLength,
  lengthPrefixed,
  readySodium,
  signingInput,
  toBase64Url,
} from "./codec.ts";
export type { Sodium } from "./codec.ts";

// Age assurance: the format, issuing, presenting, verifying.
export {
  ATTESTED_AGE_BANDS,
  ED25519_PUBLIC_KEY_BYTES,
  ED25519_SECRET_KEY_BYTES,
  ED25519_SIGNATURE_BYTES,
  FORMAT_VERSION,
  MAX_PRESENTATION_JSON_CHARS,
  MAX_VALIDITY_SECONDS,
  RANDOM_ID_BYTES,
  isAttestedAgeBand,
  isIssuerKeyId,
  isMatrixRoomId,
  isMatrixUserId,
  parseAttestation,
  parsePresentation,
} from "./age/format.ts";
export type {
  AgeAttestation,
  AgeBand,
  AgePresentation,
  AttestedAgeBand,
  FormatFailure,
  Parsed,
  UnsignedAgeAttestation,
  UnsignedAgePresentation,
} from "./age/format.ts";
export {
  ATTESTATION_CONTEXT,
  PRESENTATION_CONTEXT,
  attestationSigningInput,
  presentationSigningInput,
} from "./age/canonical.ts";
export {
  checkIssuerKeyPair,
  createHolderKeyPair,
  createIssuerKeyPair,
  issuerKeyIdFor,
} from "./age/keys.ts";
export type { HolderKeyPair, IssuerKeyPair, TrustedIssuer } from "./age/keys.ts";
export { MAX_VALIDITY_DAYS, issueAgeAttestation, signAttestation } from "./age/attestation.ts";
export type { AttestationRequest } from "./age/attestation.ts";
export { createPresentation, signPresentation } from "./age/presentation.ts";
export type { PresentationContext } from "./age/presentation.ts";
export {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  DEFAULT_MAX_PRESENTATION_AGE_MS,
  verifyAttestation,
  verifyPresentation,
} from "./age/verify.ts";
export type {
  AgeRejectionReason,
  AgeVerification,
  AttestationExpectation,
  PresentationExpectation,
} from "./age/verify.ts";
export { DEFAULT_REPLAY_CACHE_ENTRIES, createMemoryReplayCache } from "./age/replayCache.ts";
export type {
  MemoryReplayCache,
  ReplayCache,
  ReplayCacheEntry,
  ReplayClaim,
} from "./age/replayCache.ts";

// Age exchange: the to-device messages between devices.
export {
  AGE_PRESENTATION_TYPE,
  CONTACT_ANSWER_TYPE,
  CONTACT_PROBE_TYPE,
  DISCOVERY_ANSWER_TYPE,
  DISCOVERY_PROBE_TYPE,
  MAX_PROBE_ID_CHARS,
} from "./age/toDevice.ts";
export type {
  AgePresentationContent,
  ContactAnswerContent,
  ContactProbeContent,
  DiscoveryAnswerContent,
  DiscoveryProbeContent,
} from "./age/toDevice.ts";

// Reports: the bundle, the sealed box, the parts, the reporter's key.
export {
  MAX_CONTEXT_MESSAGES,
  MAX_EXPLANATION_LENGTH,
  MAX_MEDIA_NAME_LENGTH,
  MAX_REPORT_MEDIA,
  MAX_MATRIX_ID_LENGTH,
  MAX_MESSAGE_BODY_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_STATEMENT_KEY_LENGTH,
  REPORT_BUNDLE_VERSION,
  REPORT_AGE_BANDS,
  REPORT_CATEGORIES,
  createReportBundle,
  isReportCategory,
  parseReportBundle,
} from "./report/bundle.ts";
export type {
  BundleEnvironment,
  BundleResult,
  DsaNotice,
  EvidenceMessage,
  EvidenceMessageInput,
  ReportBundle,
  ReportBundleInput,
  ReportAgeBand,
  ReportBand,
  ReportBands,
  ReportCategory,
  ReportEvidence,
  ReportLocation,
  ReporterIdentity,
  ReportMediaItem,
  UnseenMessages,
} from "./report/bundle.ts";
export {
  MAX_BUNDLE_BYTES,
  MAX_MODERATION_KEYS,
  MAX_SEALED_REPORT_BYTES,
  REPORT_SIGNATURE_CONTEXT,
  TEAM_REPORT_SIGNATURE_CONTEXT,
  generateModerationKeyPair,
  generateReporterSigningKeyPair,
  keyToText,
  moderationKeyPairFromSecretText,
  moderationKeyPairFromText,
  moderationPublicKeyFromText,
  moderationPublicKeysFromText,
  openSealedReport,
  openTeamBox,
  reportSigningInput,
  sealReportBundle,
  sealToTeam,
  teamReportSigningInput,
} from "./report/seal.ts";
export type {
  ModerationKeyPair,
  OpenedReport,
  ReporterSigningKeyPair,
  SealResult,
  SignatureStatus,
} from "./report/seal.ts";
export {
  EVENT_REPORT_REASON_LIMIT,
  REPORT_PART_PREFIX,
  USER_REPORT_REASON_LIMIT,
  parseReportPart,
  prepareReport,
  readReportReasons,
  reasonLimit,
  splitIntoParts,
  targetOf,
} from "./report/parts.ts";
export type {
  ModerationInbox,
  PreparedReport,
  PrepareResult,
  ReceivedReport,
  ReportPart,
  ReportTarget,
} from "./report/parts.ts";
export {
  REPORTER_SIGNING_SEED_BYTES,
  createReporterSigningKey,
  reporterSigningKeyFromSeed,
} from "./report/reporterSigningKey.ts";
export type { ReporterSigningKey } from "./report/reporterSigningKey.ts";

// Media: Matrix's encrypted attachments (v2), for images and files in encrypted rooms.
export {
  AttachmentError,
  ENCRYPTED_FILE_VERSION,
  decryptAttachment,
  encryptAttachment,
  isMxcUri,
  parseEncryptedFile,
} from "./media/attachment.ts";
export type {
  AttachmentKey,
  EncryptedAttachment,
  EncryptedFile,
  EncryptedFileFailure,
  EncryptedFileKeys,
  ParsedEncryptedFile,
  RandomBytes,
} from "./media/attachment.ts";

// Handoff: the package a moderator hands to the body the engine advises.
export {
  HANDOFF_FORMAT,
  HANDOFF_VERSION,
  MAX_HANDOFF_EVIDENCE,
  MAX_HANDOFF_MEDIA,
  MAX_HANDOFF_MEDIA_BYTES,
  buildHandoffPackage,
  mediaEvidence,
  parseHandoffPackage,
  sha256Hex,
  verifyHandoffDigests,
} from "./handoff/package.ts";
export type {
  HandoffEvidence,
  HandoffEvidenceRole,
  HandoffInput,
  HandoffLocation,
  HandoffMediaInput,
  HandoffNotifier,
  HandoffPackage,
  HandoffResult,
} from "./handoff/package.ts";
export {
  SEALED_HANDOFF_FORMAT,
  SEALED_HANDOFF_VERSION,
  openHandoffFile,
  sealHandoffPackage,
} from "./handoff/seal.ts";
export type {
  HandoffKeyPair,
  OpenedHandoff,
  SealHandoffResult,
  SealedHandoffFile,
} from "./handoff/seal.ts";

// The moderation team's shared status of a report, sealed to the team.
export {
  MAX_STATUS_NOTE_LENGTH,
  MODERATION_STATUS_VERSION,
  openModerationStatus,
  parseModerationStatus,
  sealModerationStatus,
} from "./report/status.ts";
export type { ModerationStatus } from "./report/status.ts";

// The outcome back to the reporter, sealed to the reply key their report carried.
export {
  MAX_SEALED_OUTCOME_LENGTH,
  NO_ACTION_REASONS,
  OUTCOME_DECISIONS,
  OUTCOME_MAILBOX_RETENTION_DAYS,
  REPORT_OUTCOME_VERSION,
  createReplyKeyPair,
  isMailboxId,
  openReportOutcome,
  parseReplyChannel,
  parseReportOutcome,
  parseStatusOutcome,
  sealReportOutcome,
} from "./report/outcome.ts";
export type {
  NoActionReason,
  OutcomeDecision,
  ReplyChannel,
  ReplyKeyPair,
  ReportOutcome,
  StatusOutcome,
} from "./report/outcome.ts";
