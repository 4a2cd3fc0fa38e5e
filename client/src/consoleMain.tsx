// Composition root of the facilitator console (console.html): a page of the
// app's origin that any browser can open, the laptop's or a phone's. It signs
// in to check that this is a facilitator, but starts no chat session; its
// access token lives in this window only (sessionStorage). Everything it
// shows comes from the classroom's study service.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readDeploymentConfig } from "./deployment.ts";
import { LOCALES, loadCopyArea, loadLocale } from "./i18n/i18n.ts";
import { normaliseHomeserverUrl, signInWithPassword } from "./matrix/signIn.ts";
import { logOutToken, whoAmI } from "./matrix/tokenSession.ts";
import { builtPackCatalogue } from "./study/builtPackCatalogue.ts";
import { deviceStudyVocabulary } from "./study/deviceStudyLog.ts";
import { createStudyServiceClient } from "./study/studyServiceClient.ts";
import { ConsoleView } from "./ui/ConsoleView.tsx";
import "./ui/styles.css";
import { ConsoleViewModel } from "./viewmodels/ConsoleViewModel.ts";

const deployment = readDeploymentConfig(import.meta.env);
const homeserverUrl = normaliseHomeserverUrl(deployment.homeserverUrl) ?? deployment.homeserverUrl;
const catalogue = builtPackCatalogue();
const vocabulary = deviceStudyVocabulary(catalogue);

// The console's token lives in this window only, apart from a participant's
// credentials in localStorage, so a laptop can be both at once.
const TOKEN_KEY = "safety-by-design.console.token";

// In a classroom (HTTPS on the laptop's network address, tools/lib/lanFront.ts)
// phones trust the project's own CA: the console shows where to get it.
const classroom = window.location.protocol === "https:";

const console_ = new ConsoleViewModel({
  signIn: async (username, password) => {
    const result = await signInWithPassword(homeserverUrl, username, password);
    if (!result.ok) return undefined;
    return { userId: result.credentials.userId, accessToken: result.credentials.accessToken };
  },
  whoAmI: (token) => whoAmI(homeserverUrl, token),
  signOut: (token) => logOutToken(homeserverUrl, token),
  tokens: {
    load: () => sessionStorage.getItem(TOKEN_KEY),
    save: (token) => {
      sessionStorage.setItem(TOKEN_KEY, token);
    },
    clear: () => {
      sessionStorage.removeItem(TOKEN_KEY);
    },
  },
  now: () => Date.now(),
  schedule: (work, ms) => {
    const timer = setTimeout(work, ms);
    return () => {
      clearTimeout(timer);
    };
  },
  facilitators: deployment.studyFacilitators,
  serviceFor: (token) =>
    deployment.studyServiceUrl === undefined
      ? undefined
      : createStudyServiceClient(deployment.studyServiceUrl, token, vocabulary),
  catalogue,
  appUrl: new URL("./", window.location.href).href,
  certificateUrl: classroom ? new URL("/lan/ca.crt", window.location.href).href : undefined,
});
void console_.resume();

// The facilitator switches language at will: every language's words load
// first, the console's own area with them (i18n.ts).
await Promise.all(LOCALES.map(loadLocale));
await loadCopyArea("facilitator");

const rootElement = document.getElementById("root");
if (rootElement === null) throw new Error("console.html has no #root element");
createRoot(rootElement).render(
  <StrictMode>
    <ConsoleView viewModel={console_} />
  </StrictMode>,
);
