// Scenario (complete mediation): Lotte, Noor's friend, invites her into a
// group where an adult Noor does not know is already waiting and has written.
// Noor's own device shows the group safety overview before anything else.
import type { Scenario } from "../lib/scenarioScript.ts";

export const strangerInFriendsGroupNoor: Scenario = {
  id: "stranger-in-friends-group-noor",
  title: {
    nl: "Iemand onbekends in de groep van een vriendin (Noor)",
    en: "Someone unknown in a friend's group (Noor)",
  },
  description: {
    nl: "Lotte, de vriendin van Noor, maakt een groep 'Zwemmen zaterdag'. Daar zit al iemand in die Noor niet kent: 'Rick' (volwassen, leeftijd gecontroleerd). Hij heeft al iets in de groep geschreven. Dan nodigt Lotte Noor uit. Let op: ziet Noor eerst het overzicht 'Wie zit er in deze groep?', begrijpt ze wie onbekend en volwassen is, en wat kiest ze? Wat Rick schreef voordat Noor in de groep zat, kan haar telefoon niet lezen (het was al versleuteld). Kiest ze 'Toch meedoen', dan schrijft hij nog een keer.",
    en: "Lotte, Noor's friend, makes a group 'Swimming on Saturday'. Someone Noor does not know is already in it: 'Rick' (adult, age verified). He has already written something in the group. Then Lotte invites Noor. Watch: does Noor first see the overview 'Who is in this group?', does she understand who is unknown and adult, and what does she choose? What Rick wrote before Noor was in the group cannot be read on her phone (it was already encrypted). If she chooses 'Join anyway', he writes once more.",
  },
  participant: "noor",
  actor: { persona: "lotte" },
  actorIsFriend: true,
  otherActors: { stranger: { throwaway: { displayName: "Rick", band: "18+" } } },
  steps: [
    {
      do: "start-group",
      name: { nl: "Zwemmen zaterdag", en: "Swimming on Saturday" },
      with: ["stranger"],
    },
    {
      do: "send",
      by: "stranger",
      text: {
        nl: "Hoi allemaal! Wie gaat er zaterdag mee zwemmen?",
        en: "Hi everyone! Who's coming swimming on Saturday?",
      },
    },
    { do: "wait", seconds: 2 },
    { do: "invite-participant" },
    {
      do: "send",
      text: {
        nl: "Hoi Noor! Ik heb een groep gemaakt voor zaterdag. Doe je mee?",
        en: "Hi Noor! I made a group for Saturday. Are you in?",
      },
    },
    { do: "wait-for-join", seconds: 120 },
    {
      do: "send",
      by: "stranger",
      text: {
        nl: "Hoi Noor! Leuk dat je erbij bent. Hoe oud ben jij eigenlijk?",
        en: "Hi Noor! Nice that you're here. How old are you, by the way?",
      },
    },
  ],
  expected: {
    tags: ["group-overview-shown", "verified-adult-shown", "help-kindertelefoon"],
    sees: {
      nl: "Een uitnodiging van Lotte bij haar verzoeken, die eerst opent als 'Wie zit er in deze groep?': wie haar uitnodigde, wie de groep maakte en wanneer, hoeveel mensen erin zitten en dat één van hen onbekend en volwassen is. Wat er in de groep staat, ziet ze pas als ze zelf kiest.",
      en: "An invitation from Lotte among her requests, which opens first as 'Who is in this group?': who invited her, who made the group and when, how many people are in it, and that one of them is unknown and an adult. She sees what is written in the group only when she chooses to.",
    },
    does: {
      nl: "Ze kiest zelf. Een veilige keuze is niet meedoen, of eerst aan Lotte vragen wie dat is. Doet ze toch mee, dan kan ze altijd weggaan, blokkeren of melden. Hulp is één tik weg.",
      en: "She decides. A safe choice is not to join, or to ask Lotte first who that is. If she joins anyway, she can always leave, block or report. Help is one tap away.",
    },
  },
};
