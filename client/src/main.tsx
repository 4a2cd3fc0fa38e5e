// Composition root: builds the dependencies (browser storage, the lazily
// loaded Matrix layer) and mounts the app. The only file that knows all layers.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isLocale, type Locale } from "./i18n/i18n.ts";
import { signInWithPassword } from "./matrix/signIn.ts";
import {
  cryptoStorageKey,
  forgetCredentials,
  loadCredentials,
  saveCredentials,
} from "./matrix/sessionStore.ts";
import { App } from "./ui/App.tsx";
import "./ui/styles.css";
import { AppViewModel } from "./viewmodels/AppViewModel.ts";

const LOCALE_KEY = "sbd.locale";
const storedLocale = localStorage.getItem(LOCALE_KEY);
const initialLocale: Locale = isLocale(storedLocale) ? storedLocale : "nl";

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
    return ChatSession.start(credentials, {
      storage: "indexeddb",
      cryptoStorageKey: cryptoStorageKey(localStorage, credentials.userId, (n) =>
        crypto.getRandomValues(new Uint8Array(n)),
      ),
    });
  },
  reportError: (message, error) => {
    // The composition root is the one place that may write to the console.
    // eslint-disable-next-line no-console
    console.error(message, error);
  },
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
