// "Why am I seeing this?" in English; the same rule ids as why.nl.ts.
import type { WhyRuleId } from "./why.nl.ts";

export const whyEn: Readonly<Record<WhyRuleId, string>> = {
  "incoming-contact/presentation-table":
    "You don't know this person from your contacts. That is why the message goes to Requests first.",
  "incoming-contact/adult-strangers-never-normal-chat-for-minors":
    "An adult you don't know never goes straight to your chats. The same goes when we don't know their age. That is a fixed rule of the app.",
  "incoming-contact/signal-no-shared-rooms":
    "You are not in a group together. So you probably don't know this person from school or a club.",
  "incoming-contact/signal-other-server":
    "This person uses another server. So we know less about this account.",
  "incoming-contact/signal-name-resembles-contact":
    "The name looks like someone in your contacts. But it is a different account. Some people pretend to be a friend this way.",
  "incoming-contact/signal-name-resembles-help-service":
    "The name looks like a help service. Real help services don't message you first. You can find real help with the Help button.",
  "contact/contact-table": "The app's rules decide who you can start a chat with.",
  "contact/adults-cannot-start-contact-with-minors":
    "In this app, an adult cannot simply chat with a child. That is only possible if they already know each other.",
  "contact/recipient-did-not-answer":
    "This person's app did not answer just now. They could be a child or young person. That is why you see this notice first.",
  "conversation-notice/no-standing-notice": "This chat needs no extra notice.",
  "conversation-notice/recently-accepted-stranger":
    "You accepted this request only recently. You didn't know this person yet. That is why a reminder stays here for a while. It goes away by itself.",
  "conversation-notice/name-resembles-contact":
    "The name looks like someone in your contacts. But it is a different account. That is why this notice stays.",
  "conversation-notice/name-resembles-help-service":
    "The name looks like a help service. Real help services don't message you first. You can find real help with the Help button.",
  "engine/fail-closed":
    "The app could not load its safety rules. So it is being extra careful now.",
  "room/joined-room-is-a-chat":
    "You are already in this chat. What someone you don't know writes, you only see if you choose to.",
  "room/inviter-judged-as-first-contact":
    "We first look at who invites you. If you don't know them, the invitation goes to Requests.",
  "room/strangers-inside-need-overview":
    "Someone you don't know is in this group, even if a friend invited you. So you first see who is in it.",
  "room/unknown-membership":
    "The server does not show who is in this group. So the group does not go straight to your chats.",
  "room/announce-strangers-joining": "Someone you don't know joined this chat. We always tell you.",
  "room/name-resembles-contact":
    "This group's name looks like the name of one of your contacts. But it is a group, not a friend.",
  "room/name-resembles-help-service":
    "This group's name looks like a help service. Real help is behind the Help button.",
};
