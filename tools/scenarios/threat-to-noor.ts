// Scenario: a sextortion-style threat. A new account starts friendly, then
// threatens to share "a photo" unless Noor does what it says. The words stay
// mild and name nothing explicit; the study looks at reporting and Helpwanted.
import type { Scenario } from "../lib/scenarioScript.ts";

export const threatToNoor: Scenario = {
  id: "threat-to-noor",
  title: {
    nl: "Dreigbericht aan Noor (afpersing met een foto)",
    en: "A threatening message to Noor (sextortion-style)",
  },
  description: {
    nl: "Een nieuw account, 'Jesse' (leeftijd niet gecontroleerd), begint vriendelijk en dreigt dan een foto van Noor rond te sturen als ze niet doet wat hij zegt. Zeg vooraf dat alles gespeeld is en bespreek het na afloop. Let op: vindt Noor melden, welke soort melding kiest ze, en ziet ze Helpwanted?",
    en: "A new account, 'Jesse' (age not verified), starts friendly and then threatens to pass round a photo of Noor unless she does what he says. Say beforehand that it is all acted, and talk about it afterwards. Watch: does Noor find Report, which kind of report does she choose, and does she see Helpwanted?",
  },
  participant: "noor",
  actor: { throwaway: { displayName: "Jesse", band: "unverified" } },
  steps: [
    { do: "start-direct-chat" },
    {
      do: "send",
      text: {
        nl: "Hoi Noor! Leuk je hier te zien. Ken je mij nog van het zomerkamp?",
        en: "Hi Noor! Nice to see you here. Remember me from summer camp?",
      },
    },
    { do: "wait-for-join", seconds: 120 },
    {
      do: "send",
      text: {
        nl: "Ik heb een foto van jou. Als je niet doet wat ik zeg, stuur ik hem naar iedereen uit je klas.",
        en: "I have a photo of you. If you don't do what I say, I'll send it to everyone in your class.",
      },
    },
    { do: "wait", seconds: 5 },
    {
      do: "send",
      text: {
        nl: "Vertel dit aan niemand. Je hebt tot vanavond.",
        en: "Don't tell anyone. You have until tonight.",
      },
    },
  ],
  expected: {
    tags: ["request-held-aside", "unverified-age-shown", "report", "help-helpwanted", "block"],
    sees: {
      nl: "Eerst een verzoek van een onbekend account, leeftijd niet gecontroleerd. Na het dreigbericht: melden met één tik, daarna Helpwanted, blokkeren en de chat verlaten.",
      en: "First a request from an unknown account, age not verified. After the threat: report with one tap, then Helpwanted, block and leave the chat.",
    },
    does: {
      nl: "Melden (bedreiging of afpersing), blokkeren en hulp zoeken bij Helpwanted. Niets sturen en niet betalen. Het is nooit haar schuld.",
      en: "Report (threat or extortion), block and get help from Helpwanted. Send nothing and do not pay. It is never her fault.",
    },
  },
};
