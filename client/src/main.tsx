// Composition root: builds the dependencies (browser storage, the lazily
// loaded Matrix layer) and mounts the app. The only file that knows all layers.
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readDeploymentConfig } from "./deployment.ts";
import { HELP_SERVICE_NAMES } from "./help/resources.ts";
import { isLocale, type Locale } from "./i18n/i18n.ts";
import { signInWithPassword } from "./matrix/signIn.ts";
import {
  cryptoStorageKey,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from "./matrix/sessionStore.ts";
import { UNVERIFIED } from "./policy/ageFacts.ts";
import { helpDecider } from "./policy/decideHelp.ts";
import { moderationRoutingDecider } from "./policy/decideModerationRouting.ts";
import { createDeviceStudyLog } from "./study/deviceStudyLog.ts";
import { listStudyPacks } from "./study/packVariants.ts";
import { sessionPackFor } from "./study/sessionPack.ts";
import { STUDY_STORAGE_KEY } from "./study/store.ts";
import { App } from "./ui/App.tsx";
import "./ui/styles.css";
import { AppViewModel } from "./viewmodels/AppViewModel.ts";
import { signInLinkPrefill } from "./viewmodels/SignInViewModel.ts";

const LOCALE_KEY = "sbd.locale";
const storedLocale = localStorage.getItem(LOCALE_KEY);
const initialLocale: Locale = isLocale(storedLocale) ? storedLocale : "nl";

// Help before sign-in is decided by the production pack. A session's own
// engine runs the pack its account is assigned on this device (study kit;
// nl-default without one, and always outside a study deployment), built when
// the session starts. An invalid pack, or an unknown id, gives an engine that
// fails closed (every decision the most protective one) and the chat list
// says so.
const signedOutEngine = createPolicyEngine(loadBundledPack("nl-default"));
const studyPacks = listStudyPacks();

// The lab device's one study log. It records only after the facilitator
// console (another page of this origin) took consent; when that page changes
// the log, this one reads it again so that neither overwrites the other.
const studyLog = createDeviceStudyLog({
  storage: localStorage,
  catalogue: studyPacks,
  now: () => Date.now(),
  randomBytes: (bytes) => {
    bytes.set(crypto.getRandomValues(new Uint8Array(bytes.length)));
  },
});
window.addEventListener("storage", (event) => {
  if (event.key === STUDY_STORAGE_KEY || event.key === null) studyLog.reload();
});

// Trust anchors (age issuers, the moderation key) are the deployment's configuration.
const deployment = readDeploymentConfig(import.meta.env);

// A local demo's one-click sign-in link (#signin=noor), read once and removed
// from the address bar. Only the demo's build sets VITE_DEMO_PASSWORD.
const signInPrefill = signInLinkPrefill(window.location.hash, import.meta.env.VITE_DEMO_PASSWORD);
if (window.location.hash.startsWith("#signin=")) {
  history.replaceState(null, "", window.location.pathname + window.location.search);
}

const reportError = (message: string, error: unknown): void => {
  // The composition root is the one place that may write to the console.
  // eslint-disable-next-line no-console
  console.error(message, error);
};

const app = new AppViewModel({
  defaultHomeserverUrl: deployment.homeserverUrl,
  initialLocale,
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
  },
  signIn: signInWithPassword,
  startSession: async (credentials) => {
    // The SDK and the crypto WASM load here, after first paint.
    const { ChatSession } = await import("./matrix/chatSession.ts");
    const session = await ChatSession.start(credentials, {
      storage: "indexeddb",
      cryptoStorageKey: cryptoStorageKey(localStorage, credentials.userId, (n) =>
        crypto.getRandomValues(new Uint8Array(n)),
      ),
    });
    // A study assignment counts only where the deployment runs studies; elsewhere it is ignored, visibly.
    const { pack, ignoredAssignment } = sessionPackFor(
      localStorage,
      credentials.userId,
      studyPacks,
      { studyMode: deployment.studyMode },
    );
    const engine = createPolicyEngine(pack);
    if (engine.problems.length > 0) {
      reportError("the policy pack of this session did not load: failing closed", engine.problems);
    }
    // Age, enforcement and disclosure for this device (policy/deviceProtection.ts).
    const { startDeviceProtection } = await import("./policy/deviceProtection.ts");
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
    // Reporting: this account's outbox resumes every report not yet delivered.
    const reporting = await import("./matrix/reporting/reportingSession.ts");
    const reports = await reporting
      .startReporting({
        userId: session.userId,
        homeserverUrl: credentials.homeserverUrl,
        accessToken: credentials.accessToken,
        moderationPublicKey: deployment.moderationPublicKey,
        keyStorage: localStorage,
        logger: { warn: reportError },
      })
      .catch((error: unknown) => {
        reportError("reporting could not start", error);
        return reporting.unavailableReporting();
      });
    const wakeReports = (): void => {
      void reports.wake();
    };
    window.addEventListener("online", wakeReports);
    // Moderation: offered to server admins; the team's secret key is imported on their device.
    const moderationInbox = await import("./matrix/reporting/moderationInbox.ts");
    const { createModeratorDeviceStore } = await import("./matrix/reporting/moderatorKeyStore.ts");
    const moderationService = moderationInbox.createModerationService({
      userId: session.userId,
      api: moderationInbox.createModerationAdminApi({
        homeserverUrl: credentials.homeserverUrl,
        accessToken: credentials.accessToken,
      }),
      store: createModeratorDeviceStore(localStorage, session.userId),
      deploymentPublicKey: deployment.moderationPublicKey,
    });
    const moderation = {
      isAvailable: () => moderationService.isAvailable(),
      port: moderationService,
      decideRouting: moderationRoutingDecider(engine, () => Date.now()),
      clock: () => Date.now(),
    };
    return {
      session,
      gateway: protection.gateway,
      ignoredStudyAssignment: ignoredAssignment,
      rooms: protection.rooms,
      people: protection.people,
      reports,
      moderation,
      stop: () => {
        window.removeEventListener("online", wakeReports);
        reports.stop();
        protection.stop();
      },
    };
  },
  reportError,
  signInPrefill,
  study: studyLog.recorder,
  // Before sign-in nothing is known about the person: help for anyone.
  signedOutHelp: helpDecider(
    signedOutEngine,
    () => Date.now(),
    () => UNVERIFIED,
    () => navigator.language,
  ),
});
document.documentElement.lang = initialLocale;

const rootElement = document.getElementById("root");
if (rootElement === null) throw new Error("index.html has no #root element");
createRoot(rootElement).render(
  <StrictMode>
    <App viewModel={app} />
  </StrictMode>,
);
void app.start();
