// Entry point `@safety-by-design/client/headless`: the client below its React
// views, for tests that drive a protected person's device without a browser
// (client/test/integration: the same device protection, view models and
// report outbox that main.tsx wires, checked against a real homeserver) and
// for e2e/ to predict what a screen shows. Add an export here only when such
// a test needs it; a unit test beside the code imports the code itself.

// A protected device: the protection main.tsx starts after sign-in.
export { startDeviceProtection, type DeviceProtection } from "../policy/deviceProtection.ts";
export { createPolicyGateway } from "../policy/policyGateway.ts";
export { ageFactsFromDevice } from "../policy/ageFacts.ts";
export { CONTACT_PROBE_TIMEOUT_MS } from "../policy/ageGating.ts";
export type { FindResult, PersonShown } from "../policy/discovery.ts";
export { strangerTag } from "../policy/strangerTag.ts";
export { HELP_SERVICE_NAMES } from "../help/resources.ts";

// The screens' view models, read by tests as the views would read them.
export { ChatListViewModel } from "../viewmodels/ChatListViewModel.ts";
export { ConversationReminderViewModel } from "../viewmodels/ConversationReminderViewModel.ts";
export {
  ConversationViewModel,
  type MessageRow,
  type NewcomerRow,
} from "../viewmodels/ConversationViewModel.ts";
export { RequestViewModel } from "../viewmodels/RequestViewModel.ts";
export { ReportSheetViewModel } from "../viewmodels/ReportSheetViewModel.ts";
export type { MediaState, MediaView } from "../viewmodels/conversationMedia.ts";

// Showing a received picture: the checks before and after decoding (the attack suite plays
// decompression bombs and lying types through them with a stand-in decoder).
export type { MediaDisplay } from "../media/mediaDisplay.ts";
export { MEDIA_LIMITS } from "../media/mediaLimits.ts";
export { PictureRefused, pictureForDisplay, type PictureCodec } from "../media/pictureDecoding.ts";

// Reporting: the outbox, its store and its transport, as the app builds them.
export {
  createIndexedDbReportStore,
  reportOutboxDatabaseName,
} from "../reporting/indexedDbReportStore.ts";
export { ReportOutbox } from "../reporting/outbox.ts";
export { createFetchReportTransport } from "../reporting/transport.ts";
export { createReportFiler } from "../reporting/reportFiler.ts";
// Reported media (RMEDIA): the moderator's download of a report's re-encrypted copy.
export { fetchReportMedia } from "../reporting/reportMedia.ts";
export { createMemoryReportStore } from "../reporting/reportStore.ts";
export {
  createFetchOutcomeMailbox,
  createMemoryReplyStore,
  createReportOutcomes,
} from "../reporting/reportOutcomes.ts";
export { createFetchOutcomeSender } from "../reporting/outcomeSender.ts";

// Moderation: the inbox (admin API and the intake's moderation room), the
// moderator's device store, the screen's view model.
export {
  createModerationAdminApi,
  createModerationRoomApi,
  createModerationService,
} from "../reporting/moderationInbox.ts";
export { createModeratorDeviceStore } from "../reporting/moderatorKeyStore.ts";
export { ModerationViewModel } from "../viewmodels/ModerationViewModel.ts";

// A study participant's link to the classroom's study service (e2e/bench/classroom.bench.ts).
export { createStudyLink, type StudyLink } from "../study/studyLink.ts";
export { signInWithSeatCode } from "../study/seatSignIn.ts";
