// Composition root: builds the dependencies (browser storage, the lazily
// loaded Matrix layer) and mounts the app. The only file that knows all layers.
import { createPolicyEngine, loadBundledPack } from "@safety-by-design/policy-engine";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HELP_SERVICE_NAMES } from "./help/resources.ts";
import { isLocale, type Locale } from "./i18n/i18n.ts";
import { signInWithPassword } from "./matrix/signIn.ts";
import {
  cryptoStorageKey,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from "./matrix/sessionStore.ts";
import { ageFactsFromVerified, UNVERIFIED } from "./policy/ageFacts.ts";
import { helpDecider } from "./policy/decideHelp.ts";
import { enforceIncomingContacts } from "./policy/enforceIncomingContacts.ts";
import { createPolicyGateway } from "./policy/policyGateway.ts";
import { App } from "./ui/App.tsx";
import "./ui/styles.css";
import { AppViewModel } from "./viewmodels/AppViewModel.ts";

const LOCALE_KEY = "sbd.locale";
const storedLocale = localStorage.getItem(LOCALE_KEY);
const initialLocale: Locale = isLocale(storedLocale) ? storedLocale : "nl";

// The policy pack is loaded once, validated at load; an invalid pack gives an
// engine that fails closed (every decision the most protective one).
const engine = createPolicyEngine(loadBundledPack("nl-default"));

const reportError = (message: string, error: unknown): void => {
  // The composition root is the one place that may write to the console.
  // eslint-disable-next-line no-console
  console.error(message, error);
};

const app = new AppViewModel({
  defaultHomeserverUrl: import.meta.env.VITE_HOMESERVER_URL ?? "http://127.0.0.1:8008",
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
    const gateway = createPolicyGateway({
      engine,
      clock: () => Date.now(),
      // No age presentations are exchanged yet: every band is unverified.
      ages: ageFactsFromVerified(session.userId, new Map()),
      relationships: session,
      helpServiceNames: HELP_SERVICE_NAMES,
      locale: () => navigator.language,
    });
    const stopEnforcement = enforceIncomingContacts(session, gateway, {
      declined: () => undefined,
      failed: reportError,
    });
    return { session, gateway, stop: stopEnforcement };
  },
  reportError,
  // Before sign-in nothing is known about the person: help for anyone.
  signedOutHelp: helpDecider(
    engine,
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
