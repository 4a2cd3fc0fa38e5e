// Scenario (deterrence): an adult tries to start chats with two minors he
// does not know. His own client is expected to refuse and show him Stop it Now.
import type { Scenario } from "../lib/scenarioScript.ts";

export const adultTriesToReachMinors: Scenario = {
  id: "adult-tries-to-reach-minors",
  title: {
    nl: "Volwassene probeert minderjarigen te bereiken (afschrikking)",
    en: "An adult tries to reach minors (deterrence)",
  },
  description: {
    nl: "Alex (35, volwassen) probeert een chat te beginnen met Noor en daarna met Sam. Hij kent ze geen van beiden. De app van Alex hoort dat te weigeren en hem een korte waarschuwing te tonen met Stop it Now (anonieme hulp). Lukt een poging toch, bijvoorbeeld met een aangepaste app, dan beslist het toestel van Noor of Sam zelf opnieuw. De runner noteert per poging wat er gebeurde.",
    en: "Alex (35, adult) tries to start a chat with Noor and then with Sam. He knows neither of them. Alex's app should refuse and show him a short warning with Stop it Now (anonymous help). If an attempt gets through anyway, for example from a modified app, Noor's or Sam's own device decides again. The runner records what happened to each attempt.",
  },
  participant: "noor",
  actor: { persona: "alex" },
  steps: [{ do: "try-contact" }, { do: "wait", seconds: 3 }, { do: "try-contact", target: "sam" }],
  expected: {
    tags: [
      "contact-refused-by-sender-client",
      "deterrence-with-stop-it-now",
      "nothing-reaches-participant",
    ],
    sees: {
      nl: "Niets: er komt geen verzoek binnen. Komt er toch een, dan staat het apart of is het al geweigerd.",
      en: "Nothing: no request arrives. If one does, it is set aside or already declined.",
    },
    does: {
      nl: "Niets. Bespreek na afloop wat Alex te zien kreeg: een stopmelding met Stop it Now.",
      en: "Nothing. Afterwards, talk about what Alex was shown: a stop message with Stop it Now.",
    },
  },
};
