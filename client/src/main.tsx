// Composition root: builds the dependencies (browser storage, the lazily
// loaded Matrix layer) and mounts the app. The only file that knows all layers.
// (Over 400 lines: every service a session starts is wired here, in the one place that knows all layers.)
import { createPolicyEngine } from "@safety-by-design/policy-engine";
import type { ReportMediaItem } from "@safety-by-design/protocol";
import { browserMediaDisplay } from "./media/mediaDisplay.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readDeploymentConfig } from "./deployment.ts";
import { HELP_SERVICE_NAMES } from "./help/resources.ts";
import { isLocale, isLocaleLoaded, loadCopyArea, loadLocale, type Locale } from "./i18n/i18n.ts";
import { normaliseHomeserverUrl, signInWithPassword } from "./matrix/signIn.ts";
import {
  cryptoStorageKey,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from "./matrix/sessionStore.ts";
import { UNVERIFIED } from "./policy/ageFacts.ts";
import { helpDecider } from "./policy/decideHelp.ts";
import { browserAppUpdate } from "./pwa/appUpdate.ts";
import { builtDefaultCatalogue, builtDefaultPack } from "./study/builtDefaultPack.ts";
import type { PackChoice } from "./study/packChoice.ts";
import { deferredRecorder } from "./study/deferredRecorder.ts";
import { sessionPackFor } from "./study/sessionPack.ts";
import { App, loadSessionView } from "./ui/App.tsx";
import { browserDevice } from "./ui/browserDevice.ts";
import "./ui/styles.css";
import { Navigation } from "./viewmodels/navigation.ts";
import { RootViewModel } from "./viewmodels/RootViewModel.ts";
import { signInLinkPrefill } from "./viewmodels/SignInViewModel.ts";

const LOCALE_KEY = "sbd.locale";
const storedLocale = localStorage.getItem(LOCALE_KEY);
// Dutch ships with the app; a language chosen before loads before the first
// screen (from the service worker's cache when offline), else Dutch it is.
const initialLocale: Locale = isLocale(storedLocale)
  ? await loadLocale(storedLocale).then(
      () => storedLocale,
      () => "nl" as const,
    )
  : "nl";

// Trust anchors (age issuers, the moderation key) are the deployment's configuration.
const deployment = readDeploymentConfig(import.meta.env);

// Help before sign-in is decided by the production pack. A session's own
// engine runs the pack its account is assigned on this device (study kit;
// nl-default without one, and always outside a study deployment), built when
// the session starts. An invalid pack, or an unknown id, gives an engine that
// fails closed (every decision the most protective one) and the chat list
// says so. Every pack was validated when this app was built; the sign-in
// screen gets nl-default alone. The whole catalogue loads after first paint,
// and only where the deployment runs studies: elsewhere every session runs
// nl-default, and its 200 KB would only slow a phone's start.
const signedOutEngine = createPolicyEngine(builtDefaultPack());
const studyPacks: Promise<readonly PackChoice[]> = deployment.studyMode
  ? import("./study/builtPackCatalogue.ts").then((module) => module.builtPackCatalogue())
  : Promise.resolve(builtDefaultCatalogue());

// A usability study's link to the classroom's study service (study/studyLink.ts),
// loaded after first paint too: at session start it learns whether this
// account has a seat and its pack; events go to the service only while the
// facilitator's recorded consent holds. Without a study service: nothing.
const studyLink = import("./study/studyLink.ts").then(({ createStudyLink }) =>
  createStudyLink({
    baseUrl: readDeploymentConfig(import.meta.env).studyServiceUrl,
    fetch: (input, init) => fetch(input, init),
    wait: (ms) =>
      new Promise((resolve) => {
        setTimeout(resolve, ms);
      }),
    failed: (message, error) => {
      reportError(message, error);
    },
  }),
);

// A local demo's one-click sign-in link (#signin=noor), read once and removed
// from the address bar. Only the demo's build sets VITE_DEMO_PASSWORD.
const signInPrefill = signInLinkPrefill(window.location.hash, import.meta.env.VITE_DEMO_PASSWORD);
if (window.location.hash.startsWith("#signin=")) {
  history.replaceState(null, "", window.location.pathname + window.location.search);
}

// A classroom seat's one-time QR link (#seat=p07.<code>, study/seatSignIn.ts):
// out of the address bar (and its history) at once, then redeemed at the
// study service, which signs this phone in as a new device of the seat. The
// participant types nothing; a code used before says so on a screen of its
// own, without the sign-in form (RootViewModel, SignInViewModel).
const seatHash = window.location.hash.startsWith("#seat=") ? window.location.hash : undefined;
if (seatHash !== undefined) {
  history.replaceState(null, "", window.location.pathname + window.location.search);
}
const studyServiceUrl = deployment.studyServiceUrl;
const linkSignIn =
  seatHash === undefined || studyServiceUrl === undefined
    ? undefined
    : import("./study/seatSignIn.ts").then(async ({ readSeatLink, signInWithSeatCode }) => {
        const link = readSeatLink(seatHash);
        const result =
          link === undefined
            ? ({ ok: false, reason: "used" } as const)
            : await signInWithSeatCode(
                {
                  studyServiceUrl,
                  homeserverUrl:
                    normaliseHomeserverUrl(deployment.homeserverUrl) ?? deployment.homeserverUrl,
                  fetch: (input, init) => fetch(input, init),
                },
                link,
              );
        if (result.ok) return result;
        const key =
          result.reason === "used"
            ? "signIn.error.seatCodeUsed"
            : "signIn.error.seatCodeUnreachable";
        return { ok: false, error: { key, params: {} } } as const;
      });

// The theme (applied now, before the first paint) and notifications (ui/browserDevice.ts).
const device = browserDevice({
  storage: localStorage,
  document,
  focus: () => {
    window.focus();
  },
  serviceWorker:
    "serviceWorker" in navigator ? navigator.serviceWorker.getRegistration() : undefined,
});

// The back button goes back a screen or closes a dialog (viewmodels/navigation.ts).
const navigation = new Navigation(
  {
    history: window.history,
    onPopState: (listener) => {
      const onPopState = (event: PopStateEvent): void => {
        listener(event.state);
      };
      window.addEventListener("popstate", onPopState);
      return () => {
        window.removeEventListener("popstate", onPopState);
      };
    },
  },
  crypto.randomUUID(),
);

/** Starts loading a module now for later use; a failure surfaces where it is awaited. */
function preload<T>(module: Promise<T>): Promise<T> {
  module.catch(() => undefined);
  return module;
}

const reportError = (message: string, error: unknown): void => {
  // The composition root is the one place that may write to the console.
  // eslint-disable-next-line no-console
  console.error(message, error);
};

const app = new RootViewModel({
  defaultHomeserverUrl: deployment.homeserverUrl,
  initialLocale,
  loadLocale: (locale) => (isLocaleLoaded(locale) ? undefined : loadLocale(locale)),
  saveLocale: (locale) => {
    localStorage.setItem(LOCALE_KEY, locale);
    document.documentElement.lang = locale;
  },
  loadCredentials: () => loadCredentials(localStorage),
  saveCredentials: (credentials) => {
    saveCredentials(localStorage, credentials);
  },
  forgetCredentials: (userId) => {
    forgetCredentials(localStorage, userId);
    // Signed out: photos not sent yet go from the device too (nothing left for the next person).
    void import("./media/mediaOutboxStore.ts")
      .then(({ deleteMediaOutbox, mediaOutboxDatabaseName }) =>
        deleteMediaOutbox(mediaOutboxDatabaseName(userId)),
      )
      .catch((error: unknown) => {
        reportError("the unsent photos could not be deleted", error);
      });
  },
  signIn: signInWithPassword,
  startSession: async (credentials, reached) => {
    // Everything a session needs starts loading at once, after first paint:
    // the SDK and the crypto WASM, device protection, reporting, moderation.
    // The crypto WASM first: it starts downloading and compiling now, not once
    // the SDK asks for it, nor behind the SDK's JavaScript.
    void preload(import("./matrix/cryptoWasm.ts").then((module) => module.preloadCryptoWasm()));
    const chatSession = preload(import("./matrix/chatSession.ts"));
    // The words of a session's screens, in every language in use (i18n.ts).
    const sessionCopy = preload(loadCopyArea("session"));
    // The session's screens (App.tsx loads them lazily once the session runs):
    // fetched and compiled while the SDK starts, not after it.
    void preload(loadSessionView());
    const deviceProtection = preload(import("./policy/deviceProtection.ts"));
    // A study account's seat and pack, asked of the study service beside the SDK's start.
    const seatJoining = deployment.studyMode
      ? studyLink
          .then((link) => link.join(credentials.accessToken))
          .catch((error: unknown) => {
            // Without its link a study records nothing; the app itself works on.
            reportError("the study link did not load", error);
            return undefined;
          })
      : Promise.resolve(undefined);
    const mediaSending = preload(
      Promise.all([
        import("./media/mediaOutbox.ts"),
        import("./media/prepareAttachment.ts"),
        import("./media/mediaOutboxStore.ts"),
      ]),
    );
    // The moderators' code only on a moderation account's device (the
    // deployment names them): on every other phone it would only slow the start.
    const moderationModules = deployment.moderationAccounts.includes(credentials.userId)
      ? preload(
          Promise.all([
            import("./reporting/moderationInbox.ts"),
            import("./reporting/moderatorKeyStore.ts"),
            import("./viewmodels/moderationHandoff.ts"),
            import("./policy/decideModerationRouting.ts"),
          ]),
        )
      : undefined;
    // Reporting needs only the credentials, so it starts beside the SDK: this
    // account's outbox resumes every report not yet delivered.
    const reportsStarting = import("./reporting/reportingSession.ts").then((reporting) =>
      reporting
        .startReporting({
          userId: credentials.userId,
          homeserverUrl: credentials.homeserverUrl,
          accessToken: credentials.accessToken,
          moderationPublicKey: deployment.moderationPublicKey,
          reportIntakeUrl: deployment.reportIntakeUrl,
          mediaLimits: deployment.reportMediaLimits,
          keyStorage: localStorage,
          logger: { warn: reportError },
        })
        .catch((error: unknown) => {
          reportError("reporting could not start", error);
          return reporting.unavailableReporting();
        }),
    );
    try {
      const { ChatSession } = await chatSession;
      const session = await ChatSession.start(credentials, {
        storage: "indexeddb",
        cryptoStorageKey: cryptoStorageKey(localStorage, credentials.userId, (n) =>
          crypto.getRandomValues(new Uint8Array(n)),
        ),
        // The loading screen's stages: the keys, then the first sync.
        onStage: reached,
        // The SDK and its crypto warn once per message this device cannot
        // decrypt (history from before it existed, which the chat shows as
        // such): on a cold start hundreds of console lines, about a second of
        // main thread at 4x CPU (docs/performance.md). A production build
        // writes the SDK's errors only; a development build its warnings too.
        sdkLogLevel: import.meta.env.DEV ? "warn" : "error",
      });
      // Marks for DevTools and the benches (docs/performance.md): the SDK has the first sync.
      performance.mark("session:matrix-ready");
      // A seated study account runs the pack the facilitator assigned it (study mode only).
      const seat = await seatJoining;
      if (seat?.packId !== undefined) {
        const { assignPack } = await import("./study/assignment.ts");
        assignPack(localStorage, credentials.userId, seat.packId);
      }
      // A study assignment counts only where the deployment runs studies; elsewhere it is ignored, visibly.
      const { pack, ignoredAssignment } = sessionPackFor(
        localStorage,
        credentials.userId,
        await studyPacks,
        { studyMode: deployment.studyMode },
      );
      const engine = createPolicyEngine(pack);
      if (engine.problems.length > 0) {
        reportError(
          "the policy pack of this session did not load: failing closed",
          engine.problems,
        );
      }
      // Age, enforcement and disclosure for this device (policy/deviceProtection.ts).
      const { startDeviceProtection } = await deviceProtection;
      const protection = await startDeviceProtection(session, {
        engine,
        trustedAgeIssuers: deployment.trustedAgeIssuers,
        ageIssuerUrl: deployment.ageIssuerUrl,
        discoveryServiceUrl: deployment.discoveryServiceUrl,
        storage: localStorage,
        fetch: (input, init) => fetch(input, init),
        now: () => Date.now(),
        randomId: () => crypto.randomUUID(),
        helpServiceNames: HELP_SERVICE_NAMES,
        moderationAccounts: deployment.moderationAccounts,
        locale: () => navigator.language,
        failed: reportError,
      });
      const reports = await reportsStarting;
      const wakeReports = (): void => {
        void reports.wake();
      };
      window.addEventListener("online", wakeReports);
      // Outcomes of earlier reports (issue 18): asked for once at start ("Mijn meldingen" asks again).
      void reports.outcomes.check();
      // Photos and files: re-encoded (no location) and encrypted on this device, then
      // uploaded through the session's outbox; failed ones go again when the network is back.
      const [
        { MediaOutbox, DEFAULT_OUTBOX_TIMING },
        { prepareAttachment, canvasReencoder },
        { createIndexedDbMediaOutboxStore, mediaOutboxDatabaseName },
      ] = await mediaSending;
      // A prepared photo not sent yet is kept on this device until it is sent (a reload keeps it).
      const mediaStore = createIndexedDbMediaOutboxStore(mediaOutboxDatabaseName(session.userId));
      const mediaOutbox = new MediaOutbox(
        session,
        (file, kind) => prepareAttachment(file, kind, canvasReencoder),
        () => crypto.randomUUID(),
        mediaStore,
        () => Date.now(),
        // Failed attachments go again by themselves on the outbox's own timer
        // (as text reports do), which does not depend on the "online" event.
        {
          ...DEFAULT_OUTBOX_TIMING,
          timer: {
            setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
            clearTimeout: (handle) => {
              window.clearTimeout(handle as number);
            },
          },
          online: () => navigator.onLine,
        },
      );
      // Back online: failed attachments go at once, not at the timer's next pause.
      const retryMedia = (): void => {
        void mediaOutbox.wake();
      };
      window.addEventListener("online", retryMedia);
      // What a reload interrupted comes back (not sent, with retry) and goes when it can.
      void mediaOutbox.restore().then(retryMedia);
      // The session's own sync coming back is a second sign that the
      // connection carries requests again.
      let syncWasOffline = session.syncState === "offline";
      const unsubscribeSyncState = session.subscribe(() => {
        const offline = session.syncState === "offline";
        if (syncWasOffline && !offline) retryMedia();
        syncWasOffline = offline;
      });
      // Moderation: offered to the deployment's moderation accounts that are
      // server admins; the team's secret key is imported on their device. No
      // one else's app asks the server's admin API (it answers 403 to them).
      const moderationParts = await moderationModules;
      let moderation;
      if (moderationParts !== undefined) {
        const [
          moderationInbox,
          { createModeratorDeviceStore },
          { createModerationHandoff },
          { moderationRoutingDecider },
        ] = moderationParts;
        // Reported media (RMEDIA): the moderator's download of a report's re-encrypted copy.
        const fetchReportMedia = async (item: ReportMediaItem) =>
          (await import("./reporting/reportMedia.ts")).fetchReportMedia(item, {
            homeserverUrl: credentials.homeserverUrl,
            accessToken: credentials.accessToken,
          });
        const moderationService = moderationInbox.createModerationService({
          userId: session.userId,
          api: moderationInbox.createModerationAdminApi({
            homeserverUrl: credentials.homeserverUrl,
            accessToken: credentials.accessToken,
          }),
          // Reports that withhold the reporter arrive here, posted by the intake.
          room:
            deployment.moderationRoom === undefined || deployment.reportIntakeUser === undefined
              ? undefined
              : moderationInbox.createModerationRoomApi({
                  homeserverUrl: credentials.homeserverUrl,
                  accessToken: credentials.accessToken,
                  room: deployment.moderationRoom,
                  intakeUserId: deployment.reportIntakeUser,
                }),
          store: createModeratorDeviceStore(localStorage, session.userId),
          deploymentPublicKey: deployment.moderationPublicKey,
        });
        moderation = {
          isAvailable: () => moderationService.isAvailable(),
          port: moderationService,
          decideRouting: moderationRoutingDecider(engine, () => Date.now()),
          clock: () => Date.now(),
          deadlineHours: deployment.moderationDeadlineHours,
          userId: session.userId,
          handoff: createModerationHandoff({
            keys: deployment.handoffKeys,
            sender: { service: "safety-by-design chat", contact: session.userId },
            fetchMedia: fetchReportMedia,
          }),
          // Reported media (RMEDIA): fetched with this moderator's token only after "Toon".
          media: { fetch: fetchReportMedia, display: browserMediaDisplay(document) },
          // The outcome back to the reporter (OUT) goes to the report's mailbox at the intake.
          outcomes:
            deployment.reportIntakeUrl === undefined
              ? undefined
              : (await import("./reporting/outcomeSender.ts")).createFetchOutcomeSender({
                  homeserverUrl: credentials.homeserverUrl,
                  accessToken: credentials.accessToken,
                  userId: session.userId,
                  intakeUrl: deployment.reportIntakeUrl,
                }),
        };
      }
      // The moderators' screens' words, on a moderator's device only, before
      // the screen can open. Without them (offline, never fetched) the session
      // starts without the moderation screen rather than not at all.
      const moderationWords =
        moderation !== undefined &&
        (await loadCopyArea("moderation").then(
          () => true,
          (error: unknown) => {
            reportError("the moderation screens' words did not load", error);
            return false;
          },
        ));
      await sessionCopy;
      performance.mark("session:ready");
      return {
        session,
        gateway: protection.gateway,
        ignoredStudyAssignment: ignoredAssignment,
        // A classroom seat's account is reset after the session: no recovery key is offered.
        accountResetAfterSession: seat?.resetAfterSession === true,
        rooms: protection.rooms,
        people: protection.people,
        reports,
        outcomes: reports.outcomes,
        moderation: moderationWords ? moderation : undefined,
        media: {
          outbox: mediaOutbox,
          maxBytes: deployment.maxAttachmentBytes,
          previewUrls: {
            create: (file) => URL.createObjectURL(file),
            revoke: (url) => {
              URL.revokeObjectURL(url);
            },
          },
        },
        stop: () => {
          window.removeEventListener("online", retryMedia);
          unsubscribeSyncState();
          mediaOutbox.stop();
          mediaStore.close();
          void studyLink.then((link) => {
            link.leave();
          });
          window.removeEventListener("online", wakeReports);
          reports.stop();
          protection.stop();
        },
      };
    } catch (error) {
      // The session did not start: reporting, started beside it, stops too.
      void reportsStarting.then((reports) => {
        reports.stop();
      });
      throw error;
    }
  },
  reportError,
  // The loading screen's retry: a start that hangs cannot be restarted in place.
  restart: () => {
    window.location.reload();
  },
  signInPrefill,
  linkSignIn,
  study: deferredRecorder(
    studyLink.then((link) => link.recorder),
    reportError,
  ),
  navigation,
  device,
  // Quick exit: the neutral page takes the app's place in the history (docs/measures/help.md).
  leaveApp: () => {
    window.location.replace(deployment.quickExitUrl);
  },
  now: () => Date.now(),
  // Before sign-in nothing is known about the person: help for anyone.
  signedOutHelp: helpDecider(
    signedOutEngine,
    () => Date.now(),
    () => UNVERIFIED,
    () => navigator.language,
  ),
});
document.documentElement.lang = initialLocale;

// Installable and offline (pwa/): the service worker, and the notice when a new version waits.
const appUpdate = browserAppUpdate(reportError);

const rootElement = document.getElementById("root");
if (rootElement === null) throw new Error("index.html has no #root element");
createRoot(rootElement).render(
  <StrictMode>
    <App viewModel={app} update={appUpdate} />
  </StrictMode>,
);
void app.start();
