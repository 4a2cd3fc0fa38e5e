// Scenario (complete mediation): Lotte makes a group with Noor, and once Noor
// is in it she adds an adult Noor does not know, who writes. Noor's own device
// announces him in the chat where it happens and keeps his words back.
import type { Scenario } from "../lib/scenarioScript.ts";

export const strangerAddedToChatNoor: Scenario = {
  id: "stranger-added-to-chat-noor",
  title: {
    nl: "Iemand onbekends komt erbij in een chat (Noor)",
    en: "Someone unknown is added to a chat (Noor)",
  },
  description: {
    nl: "Lotte, de vriendin van Noor, maakt een groep 'Schoolfeest vrijdag' en nodigt Noor uit. Alleen vrienden zitten erin, dus Noor ziet een gewone uitnodiging bij haar chats. Als Noor erin zit, voegt Lotte 'Kevin' toe (volwassen, leeftijd gecontroleerd), die Noor niet kent. Hij schrijft haar meteen. Let op: ziet Noor in de chat dat er iemand bij is gekomen, met hulp erbij? Kiest ze 'Toch bekijken', of niet? Neemt Noor de uitnodiging niet binnen twee minuten aan, dan gaat het script door: dan opent de uitnodiging als overzicht 'Wie zit er in deze groep?'.",
    en: "Lotte, Noor's friend, makes a group 'School party on Friday' and invites Noor. Only friends are in it, so Noor sees a normal invitation with her chats. Once Noor is in, Lotte adds 'Kevin' (adult, age verified), whom Noor does not know. He writes to her at once. Watch: does Noor see in the chat that someone was added, with help? Does she choose 'Show anyway', or not? If Noor does not accept the invitation within two minutes, the script goes on: the invitation then opens as the overview 'Who is in this group?'.",
  },
  participant: "noor",
  actor: { persona: "lotte" },
  actorIsFriend: true,
  otherActors: { stranger: { throwaway: { displayName: "Kevin", band: "18+" } } },
  steps: [
    {
      do: "start-group",
      name: { nl: "Schoolfeest vrijdag", en: "School party on Friday" },
      with: [],
    },
    { do: "invite-participant" },
    { do: "wait-for-join", seconds: 120 },
    {
      do: "send",
      text: {
        nl: "Hoi Noor! Zullen we vrijdag samen naar het schoolfeest fietsen?",
        en: "Hi Noor! Shall we cycle to the school party together on Friday?",
      },
    },
    { do: "wait", seconds: 5 },
    { do: "add-actor", actor: "stranger" },
    {
      do: "send",
      text: {
        nl: "Ik heb iemand toegevoegd die ik van gamen ken. Hij is echt aardig!",
        en: "I've added someone I know from gaming. He's really nice!",
      },
    },
    { do: "wait", seconds: 3 },
    {
      do: "send",
      by: "stranger",
      text: {
        nl: "Hoi Noor! Lotte heeft veel over je verteld. Zullen we een keer met z'n tweeën praten?",
        en: "Hi Noor! Lotte told me a lot about you. Shall we talk, just the two of us, some time?",
      },
    },
  ],
  expected: {
    tags: ["newcomer-announced", "verified-adult-shown", "help-kindertelefoon"],
    sees: {
      nl: "Eerst een gewone uitnodiging van Lotte bij haar chats. Later, in de chat zelf: 'Iemand die je niet kent is erbij gekomen', met uitleg en hulp. Wat die persoon schrijft, blijft verborgen tot ze zelf 'Toch bekijken' kiest.",
      en: "First a normal invitation from Lotte with her chats. Later, in the chat itself: 'Someone you don't know joined', with an explanation and help. What that person writes stays hidden until she chooses 'Show anyway' herself.",
    },
    does: {
      nl: "Ze kiest zelf. Een veilige keuze is niet bekijken, aan Lotte vragen wie dat is, of de groep verlaten. Blokkeren en melden kan ook. Hulp is één tik weg.",
      en: "She decides. A safe choice is not to look, to ask Lotte who that is, or to leave the group. She can also block and report. Help is one tap away.",
    },
  },
};
