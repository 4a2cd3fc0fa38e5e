// Entry point `@safety-by-design/client/actors`: for scripted people who are
// not sitting at a screen (tools/: the demo's seeding, the scenario runner,
// the study service; e2e/ set-up; the other party in client/test). They sign
// in and chat through the same Matrix adapter and age exchange as the app,
// so what they send is exactly what a real client sends. Add an export here
// only when such an actor needs it; everything else stays inside the client.

// A headless Matrix account: sign in, then chat as the app does.
export { ChatSession, type ChatSessionOptions } from "../matrix/chatSession.ts";
export { signInWithPassword, type SessionCredentials } from "../matrix/signIn.ts";
export type { DiscoverySettings, TimelineMessage } from "../matrix/sessionTypes.ts";
export { CONVERSATION_ORIGIN_EVENT } from "../matrix/conversationOrigins.ts";
// For an attacker's raw SDK client that must encrypt to a device it just met.
export { trackDevicesOf } from "../matrix/trackDevices.ts";

// Sending a photo or file as the app does: prepared (re-encoded, encrypted) and uploaded through the outbox.
export { MediaOutbox, type MediaOutboxSnapshot } from "../media/mediaOutbox.ts";
export { prepareAttachment, type PictureReencoder } from "../media/prepareAttachment.ts";

// Proving an actor's age band to other devices, with the app's own wallet.
export { AgeExchange } from "../age/ageExchange.ts";
export { loadOwnAge } from "../age/wallet.ts";

// The discovery directory's wire contract, which the local directory service
// (tools/lib/discoveryService.ts) implements and tests check against.
export {
  discoveryServiceAudience,
  MAX_DISPLAY_NAME_CHARS,
  MAX_TERM_CHARS,
  MIN_TERM_CHARS,
  SEARCH_LIMIT,
  type DiscoveryErrorCode,
  type SearchResponse,
  type SearchResultEntry,
} from "../discovery/discoveryDirectory.ts";
