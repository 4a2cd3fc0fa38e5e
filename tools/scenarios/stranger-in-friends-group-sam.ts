// Scenario (complete mediation): Lotte, a friend of Sam's, invites him into a
// group where an adult he does not know is already waiting and has written.
// For an 8-12 the group is held aside: no way in, the stranger not named.
import type { Scenario } from "../lib/scenarioScript.ts";

export const strangerInFriendsGroupSam: Scenario = {
  id: "stranger-in-friends-group-sam",
  title: {
    nl: "Iemand onbekends in de groep van een vriendin (Sam)",
    en: "Someone unknown in a friend's group (Sam)",
  },
  description: {
    nl: "Lotte (14) kent Sam (11) uit de buurt: de runner maakt ze eerst vrienden, alsof ze elkaar echt kennen. Lotte maakt een groep 'Spelletjes woensdag'. Daar zit al iemand in die Sam niet kent: 'Dennis' (volwassen, leeftijd gecontroleerd). Hij heeft al iets geschreven. Dan nodigt Lotte Sam uit. Voor de jongsten wordt zo'n groep apart gezet. Let op: ziet Sam dat hij niet mee kan doen, ziet hij de naam van Dennis niet, en begrijpt hij de uitleg en de hulp van de Kindertelefoon?",
    en: "Lotte (14) knows Sam (11) from the neighbourhood: the runner first makes them friends, as if they really know each other. Lotte makes a group 'Games on Wednesday'. Someone Sam does not know is already in it: 'Dennis' (adult, age verified). He has already written something. Then Lotte invites Sam. For the youngest such a group is set aside. Watch: does Sam see that he cannot join, does he not see Dennis's name, and does he understand the explanation and the Kindertelefoon's help?",
  },
  participant: "sam",
  actor: { persona: "lotte" },
  actorIsFriend: true,
  otherActors: { stranger: { throwaway: { displayName: "Dennis", band: "18+" } } },
  steps: [
    {
      do: "start-group",
      name: { nl: "Spelletjes woensdag", en: "Games on Wednesday" },
      with: ["stranger"],
    },
    {
      do: "send",
      by: "stranger",
      text: {
        nl: "Hoi! Wie doet er woensdag mee met het spel?",
        en: "Hi! Who's playing the game on Wednesday?",
      },
    },
    { do: "wait", seconds: 2 },
    { do: "invite-participant" },
    {
      do: "send",
      text: {
        nl: "Hoi Sam! Kom je ook in de groep? Woensdag gaan we samen spelen.",
        en: "Hi Sam! Will you join the group too? We're playing together on Wednesday.",
      },
    },
    { do: "wait", seconds: 5 },
    {
      do: "send",
      by: "stranger",
      text: {
        nl: "Hoi Sam! Ik kan je extra punten geven in het spel. Stuur me maar een berichtje!",
        en: "Hi Sam! I can give you extra points in the game. Just send me a message!",
      },
    },
  ],
  expected: {
    tags: ["held-aside", "help-kindertelefoon"],
    sees: {
      nl: "Geen gewone uitnodiging. De groep van Lotte staat apart, zonder knop om mee te doen. De onbekende persoon heet alleen 'Iemand die je niet kent'. Er staat eenvoudige uitleg bij en de Kindertelefoon.",
      en: "No normal invitation. Lotte's group is set aside, with no button to join. The unknown person is only called 'Someone you don't know'. There is a simple explanation and the Kindertelefoon.",
    },
    does: {
      nl: "Niet meedoen (dat kan ook niet). Het vertellen aan een volwassene die hij vertrouwt, of de Kindertelefoon bellen of chatten. Hij mag het ook aan Lotte vragen.",
      en: "Not join (he cannot). Tell an adult he trusts, or call or chat with the Kindertelefoon. He may also ask Lotte about it.",
    },
  },
};
