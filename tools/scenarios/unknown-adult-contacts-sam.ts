// Scenario: an adult Sam (11) does not know invites him to play a game.
import type { Scenario } from "../lib/scenarioScript.ts";

export const unknownAdultContactsSam: Scenario = {
  id: "unknown-adult-contacts-sam",
  title: {
    nl: "Onbekende volwassene stuurt Sam een bericht",
    en: "An unknown adult messages Sam",
  },
  description: {
    nl: "Alex (35, volwassen) kent Sam (11) niet en nodigt hem uit om samen een spel te spelen. Voor de jongsten is het beleid het strengst. Let op: komt het verzoek wel of niet bij Sam binnen, en begrijpt hij de eenvoudige uitleg en de hulp van de Kindertelefoon?",
    en: "Alex (35, adult) does not know Sam (11) and invites him to play a game together. The policy is strictest for the youngest. Watch: does the request reach Sam at all, and does he understand the simple explanation and the Kindertelefoon's help?",
  },
  participant: "sam",
  actor: { persona: "alex" },
  steps: [
    { do: "start-direct-chat" },
    {
      do: "send",
      text: {
        nl: "Hoi Sam! Ik heb een leuk nieuw spel gevonden. Wil je samen spelen?",
        en: "Hi Sam! I found a fun new game. Do you want to play together?",
      },
    },
    { do: "wait", seconds: 5 },
    {
      do: "send",
      text: {
        nl: "Ik kan je ook helpen om extra punten te krijgen. Stuur maar een berichtje terug!",
        en: "I can help you get extra points too. Just send me a message back!",
      },
    },
  ],
  expected: {
    tags: ["request-declined-or-filtered", "help-kindertelefoon"],
    sees: {
      nl: "Geen gewone chat. Het verzoek wordt geweigerd of apart gezet bij gefilterde verzoeken, met eenvoudige uitleg en de Kindertelefoon.",
      en: "No normal chat. The request is declined or set aside among filtered requests, with a simple explanation and the Kindertelefoon.",
    },
    does: {
      nl: "Niet antwoorden. Het vertellen aan een volwassene die hij vertrouwt, of de Kindertelefoon bellen of chatten. Melden kan met één tik.",
      en: "Not reply. Tell an adult he trusts, or call or chat with the Kindertelefoon. Reporting takes one tap.",
    },
  },
};
