// Scenario: Mark, whose age nobody has verified, invites Noor to game and
// then asks her to move to another app.
import type { Scenario } from "../lib/scenarioScript.ts";

export const unverifiedAccountContactsNoor: Scenario = {
  id: "unverified-account-contacts-noor",
  title: {
    nl: "Account zonder gecontroleerde leeftijd stuurt Noor een bericht",
    en: "An account with no verified age messages Noor",
  },
  description: {
    nl: "Mark heeft geen gecontroleerde leeftijd. Hij vraagt Noor om samen te gamen en daarna om naar een andere app te gaan. Zo'n account telt als een onbekende volwassene. Let op: begrijpt Noor wat 'leeftijd niet gecontroleerd' betekent?",
    en: "Mark has no verified age. He asks Noor to game together and then to move to another app. Such an account counts as an unknown adult. Watch: does Noor understand what 'age not verified' means?",
  },
  participant: "noor",
  actor: { persona: "mark" },
  steps: [
    { do: "start-direct-chat" },
    {
      do: "send",
      text: {
        nl: "Hoi! Ik ben Mark. Ik zoek mensen om mee te gamen. Doe je mee?",
        en: "Hi! I'm Mark. I'm looking for people to game with. Want to join?",
      },
    },
    { do: "wait", seconds: 5 },
    {
      do: "send",
      text: {
        nl: "Je kunt me ook toevoegen op een andere app. Daar praat het makkelijker.",
        en: "You can also add me on another app. It's easier to talk there.",
      },
    },
  ],
  expected: {
    tags: ["request-held-aside", "unverified-age-shown", "block", "report"],
    sees: {
      nl: "Een verzoek apart van haar chats, met uitleg: niet in je contacten, leeftijd niet gecontroleerd.",
      en: "A request apart from her chats, explained: not in your contacts, age not verified.",
    },
    does: {
      nl: "Ze kiest zelf. Een veilige keuze is negeren of blokkeren, en niet met een onbekende naar een andere app gaan.",
      en: "She decides. A safe choice is to ignore or block, and not to move to another app with a stranger.",
    },
  },
};
