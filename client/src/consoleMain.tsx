// Composition root of the facilitator console (console.html): a second page
// of the same origin as the app, opened in another window on the lab device,
// so it shares the device's study log and pack assignments (localStorage).
// It signs in to check that this is a facilitator, but starts no chat
// session; its access token lives in this window only (sessionStorage).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readDeploymentConfig } from "./deployment.ts";
import { LOCALES, loadLocale } from "./i18n/i18n.ts";
import { normaliseHomeserverUrl, signInWithPassword } from "./matrix/signIn.ts";
import { logOutToken, whoAmI } from "./matrix/tokenSession.ts";
import { builtPackCatalogue } from "./study/builtPackCatalogue.ts";
import { createDeviceStudyLog } from "./study/deviceStudyLog.ts";
import { createStudyServiceClient } from "./study/studyServiceClient.ts";
import { ConsoleView } from "./ui/ConsoleView.tsx";
import "./ui/styles.css";
import { ConsoleViewModel } from "./viewmodels/ConsoleViewModel.ts";

const deployment = readDeploymentConfig(import.meta.env);
const homeserverUrl = normaliseHomeserverUrl(deployment.homeserverUrl) ?? deployment.homeserverUrl;
const catalogue = builtPackCatalogue();
const log = createDeviceStudyLog({
  storage: localStorage,
  catalogue,
  now: () => Date.now(),
  randomBytes: (bytes) => {
    bytes.set(crypto.getRandomValues(new Uint8Array(bytes.length)));
  },
});

// The console's token lives in this window only, apart from the participant's
// credentials in localStorage, so both windows can be signed in at once.
const TOKEN_KEY = "safety-by-design.console.token";

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
  facilitators: deployment.studyFacilitators,
  serviceFor: (token) =>
    deployment.studyServiceUrl === undefined
      ? undefined
      : createStudyServiceClient(deployment.studyServiceUrl, token),
  storage: localStorage,
  log,
  catalogue,
  // The participant personas of BRIEF.md (the minors a youth panel plays).
  participants: [
    { username: "sam", name: "Sam", band: "8-12" },
    { username: "noor", name: "Noor", band: "13-15" },
    { username: "lotte", name: "Lotte", band: "13-15" },
    { username: "daan", name: "Daan", band: "16-17" },
  ],
  serverName: (userId) => userId.slice(userId.indexOf(":") + 1),
});
// The participant's window writes to the same log: this is the live timeline.
window.addEventListener("storage", console_.refresh);
void console_.resume();

// The facilitator switches language at will: every language's words load first.
await Promise.all(LOCALES.map(loadLocale));

const rootElement = document.getElementById("root");
if (rootElement === null) throw new Error("console.html has no #root element");
createRoot(rootElement).render(
  <StrictMode>
    <ConsoleView viewModel={console_} />
  </StrictMode>,
);
