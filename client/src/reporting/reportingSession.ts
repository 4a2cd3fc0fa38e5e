// Services layer, reporting: reporting for one signed-in session. Opens this
// user's report store, starts the outbox (which resumes every report not yet
// delivered, also one filed before a reload or a sign-out), and loads the
// reporter's signing key. Loaded with a dynamic import after sign-in, like
// the chat session, so libsodium stays out of the sign-in screen's bundle.

import { moderationPublicKeysFromText } from "@safety-by-design/protocol";
import { createIndexedDbReportStore, reportOutboxDatabaseName } from "./indexedDbReportStore.ts";
import { ReportOutbox, type OutboxLogger } from "./outbox.ts";
import { createReportFiler, type ReportFiler } from "./reportFiler.ts";
import type { ReportMediaLimits } from "./reportMedia.ts";
import { loadOrCreateReporterSigningKey, type KeyValueStorage } from "./reporterSigningKey.ts";
import { createFetchReportTransport, type ReportTransport } from "./transport.ts";
import {
  createFetchOutcomeMailbox,
  createIndexedDbReplyStore,
  createReportOutcomes,
  noReportOutcomes,
  replyDatabaseName,
  type OutcomeMailbox,
  type ReportOutcomes,
} from "./reportOutcomes.ts";

export type ReportingSessionOptions = {
  readonly userId: string;
  readonly homeserverUrl: string;
  readonly accessToken: string;
  /**
   * The deployment's current moderation keys (base64url, comma-separated);
   * undefined or unreadable: reports cannot be sent here.
   */
  readonly moderationPublicKey: string | undefined;
  /** The report intake (base URL); undefined: a report cannot withhold the reporter here. */
  readonly reportIntakeUrl?: string | undefined;
  readonly keyStorage: KeyValueStorage;
  /** The browser's by default; tests pass fake-indexeddb's. */
  readonly indexedDB?: IDBFactory;
  /** The fetch transport by default; tests pass a scripted one. */
  readonly transport?: ReportTransport;
  readonly logger?: OutboxLogger;
  /** The intake's outcome mailboxes by default (with an intake); tests pass a scripted one. */
  readonly outcomeMailbox?: OutcomeMailbox;
  /** Reported media (RMEDIA): the deployment's caps; the defaults otherwise. */
  readonly mediaLimits?: ReportMediaLimits;
};

export type ReportingSession = ReportFiler & {
  /** The outcomes that came back for this device's reports (OUT); none without an intake. */
  readonly outcomes: ReportOutcomes;
  /** Try pending reports now (call on the browser's `online` event). */
  wake(): Promise<void>;
  stop(): void;
};

export async function startReporting(options: ReportingSessionOptions): Promise<ReportingSession> {
  const store = createIndexedDbReportStore({
    databaseName: reportOutboxDatabaseName(options.userId),
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
    onUnreadableRecord: (key) => options.logger?.warn(`report ${key}: stored record unreadable`),
  });
  const transport =
    options.transport ??
    createFetchReportTransport({
      homeserverUrl: options.homeserverUrl,
      accessToken: options.accessToken,
      userId: options.userId,
      intakeUrl: options.reportIntakeUrl,
    });
  const [outbox, signingKey, moderationPublicKey] = await Promise.all([
    ReportOutbox.start({
      store,
      transport,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    }),
    loadOrCreateReporterSigningKey(options.keyStorage, options.userId),
    options.moderationPublicKey === undefined
      ? Promise.resolve(undefined)
      : moderationPublicKeysFromText(options.moderationPublicKey),
  ]);
  // The outcome back (OUT): only with an intake, where the mailboxes are.
  const replyStore =
    options.reportIntakeUrl === undefined
      ? undefined
      : createIndexedDbReplyStore({
          databaseName: replyDatabaseName(options.userId),
          ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
        });
  const outcomes =
    replyStore === undefined || options.reportIntakeUrl === undefined
      ? noReportOutcomes()
      : createReportOutcomes({
          store: replyStore,
          mailbox:
            options.outcomeMailbox ??
            createFetchOutcomeMailbox({ intakeUrl: options.reportIntakeUrl }),
        });
  const filer = createReportFiler({
    userId: options.userId,
    moderationPublicKey,
    signingKey,
    outbox,
    intake: options.reportIntakeUrl !== undefined,
    replies: replyStore === undefined ? undefined : outcomes,
    // Reported media (RMEDIA): the outbox uploads a named report's copies
    // from the reporter's account, a withheld one's only through the intake.
    ...(options.mediaLimits === undefined ? {} : { mediaLimits: options.mediaLimits }),
  });
  return {
    ...filer,
    outcomes,
    wake: () => outbox.wake(),
    stop: () => {
      outbox.stop();
      store.close();
      replyStore?.close();
    },
  };
}

/**
 * Reporting when it could not start (e.g. the browser refuses IndexedDB):
 * nothing can be stored, so nothing is filed. Chatting goes on; the report
 * sheet says reports cannot be sent and offers block and help.
 */
export function unavailableReporting(): ReportingSession {
  const snapshot = { reports: [] };
  return {
    outcomes: noReportOutcomes(),
    canSend: false,
    file: () =>
      Promise.resolve({ ok: false, reason: "not-configured", problems: ["reporting is off"] }),
    getSnapshot: () => snapshot,
    subscribe: () => () => undefined,
    retry: () => Promise.resolve(),
    wake: () => Promise.resolve(),
    stop: () => undefined,
  };
}
