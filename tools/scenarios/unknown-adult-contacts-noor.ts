// Scenario: an adult Noor does not know invites her to a chat and asks
// friendly questions, then asks her to keep it secret.
import type { Scenario } from "../lib/scenarioScript.ts";

export const unknownAdultContactsNoor: Scenario = {
  id: "unknown-adult-contacts-noor",
  title: {
    nl: "Onbekende volwassene stuurt Noor een bericht",
    en: "An unknown adult messages Noor",
  },
  description: {
    nl: "Alex (35, volwassen) kent Noor niet en nodigt haar uit voor een chat. Hij is vriendelijk, vraagt hoe oud ze is en vraagt haar het geheim te houden. Let op: ziet Noor dat het een verzoek is van een onbekende volwassene, begrijpt ze de uitleg, en wat kiest ze?",
    en: "Alex (35, adult) does not know Noor and invites her to a chat. He is friendly, asks how old she is and asks her to keep it secret. Watch: does Noor see that this is a request from an unknown adult, does she understand the explanation, and what does she choose?",
  },
  participant: "noor",
  actor: { persona: "alex" },
  steps: [
    { do: "start-direct-chat" },
    {
      do: "send",
      text: {
        nl: "Hoi Noor! Ik zag je tekening op de website van je school. Echt heel mooi gemaakt.",
        en: "Hi Noor! I saw your drawing on your school's website. Really well done.",
      },
    },
    { do: "wait", seconds: 5 },
    {
      do: "send",
      text: {
        nl: "Ik teken zelf ook. Zullen we een keer verder kletsen? Hoe oud ben je eigenlijk?",
        en: "I draw too. Shall we chat some more? How old are you, by the way?",
      },
    },
    { do: "wait-for-join", seconds: 120 },
    {
      do: "send",
      text: {
        nl: "Leuk! Je hoeft dit aan niemand te vertellen hoor. Dit is gewoon tussen ons.",
        en: "Nice! You don't have to tell anyone about this. It's just between us.",
      },
    },
  ],
  expected: {
    tags: ["request-held-aside", "verified-adult-shown", "block", "report"],
    sees: {
      nl: "Een verzoek apart van haar chats, met uitleg: niet in je contacten, geen gedeelde groepen, een volwassene. De berichten ziet ze pas als ze daar zelf voor kiest.",
      en: "A request apart from her chats, explained: not in your contacts, no shared groups, an adult. She sees the messages only when she chooses to.",
    },
    does: {
      nl: "Ze kiest zelf. Een veilige keuze is negeren of blokkeren, en melden als het niet goed voelt. Hulp is één tik weg.",
      en: "She decides. A safe choice is to ignore or block, and to report if it feels wrong. Help is one tap away.",
    },
  },
};
