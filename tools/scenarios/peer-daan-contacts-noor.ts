// Scenario: Daan (16), a schoolmate who is not yet a contact, asks Noor
// about the school paper. A peer request: she may accept after reading.
import type { Scenario } from "../lib/scenarioScript.ts";

export const peerDaanContactsNoor: Scenario = {
  id: "peer-daan-contacts-noor",
  title: {
    nl: "Daan (leeftijdsgenoot) stuurt Noor een bericht",
    en: "Daan (a peer) messages Noor",
  },
  description: {
    nl: "Daan (16) zit op dezelfde school als Noor, maar staat nog niet in haar contacten. Hij vraagt iets over de schoolkrant. Let op: voelt de uitleg passend voor een leeftijdsgenoot, en voelt Noor zich vrij om te accepteren?",
    en: "Daan (16) goes to Noor's school but is not yet in her contacts. He asks about the school paper. Watch: does the explanation feel right for a peer, and does Noor feel free to accept?",
  },
  participant: "noor",
  actor: { persona: "daan" },
  steps: [
    { do: "start-direct-chat" },
    {
      do: "send",
      text: {
        nl: "Hoi Noor, ik ben Daan uit 4B. Jij zit toch ook bij de schoolkrant?",
        en: "Hi Noor, I'm Daan from class 4B. You're on the school paper too, right?",
      },
    },
    { do: "wait-for-join", seconds: 120 },
    {
      do: "send",
      text: {
        nl: "Top! Weet jij wanneer de stukjes voor de volgende krant af moeten?",
        en: "Great! Do you know when the pieces for the next issue are due?",
      },
    },
  ],
  expected: {
    tags: ["peer-request"],
    sees: {
      nl: "Een verzoek van iemand die niet in haar contacten staat, met uitleg voor een leeftijdsgenoot. Na accepteren staat er nog even een rustige herinnering.",
      en: "A request from someone not in her contacts, explained for a peer. After accepting, a calm reminder stays for a while.",
    },
    does: {
      nl: "Ze kiest zelf: accepteren als ze Daan kent, anders negeren. Accepteren is hier prima.",
      en: "She decides: accept if she knows Daan, otherwise ignore. Accepting is fine here.",
    },
  },
};
