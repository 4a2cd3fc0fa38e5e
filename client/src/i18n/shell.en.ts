// client i18n: the English words of the app shell (see shell.nl.ts). Loaded
// when English is chosen, and cached for offline help at install (vite.config.ts).
import type { ShellKey } from "./shell.nl.ts";

export const shellEn: Readonly<Record<ShellKey, string>> = {
  "app.name": "Safe Chat",
  "app.tagline": "Encrypted chat, with help close by.",
  "language.label": "Language",
  "language.nl": "Nederlands",
  "language.en": "English",

  "help.button": "Help",
  "help.title": "Help",
  "help.intro":
    "Something on your mind? Here are people who can help. Talking is free. You do not have to give your name.",
  "help.private":
    "This page also works without internet. The app does not keep track of what you look at here.",
  "help.close": "Close",
  "help.quickExit": "Quick exit",
  "help.quickExitHint":
    "Leaves the app at once and opens a neutral website. On a keyboard you can also press Esc 3 times quickly.",
  "help.traces.title": "Don't want to leave a trace?",
  "help.traces.quickExit":
    "Tap Quick exit. You leave the app at once and see an ordinary website. On a keyboard, press Esc 3 times quickly.",
  "help.traces.history":
    "Your browser does remember that you opened this app. So clear your history. You do that in your browser's settings.",
  "help.traces.app":
    "The app itself stays on your phone. Do you share your phone with someone? Then sign out when you are done.",
  "help.need.question": "What is going on?",
  "help.need.hint":
    "Tap what fits you. Then you see the help that fits first. The app does not read your messages.",
  "help.need.asked-for-pictures": "Someone asks for pictures of me",
  "help.need.picture-shared": "Someone shares a picture of me",
  "help.need.threatened": "Someone threatens me",
  "help.need.at-home": "Something is going on at home",
  "help.need.want-to-talk": "I just want to talk",
  "help.need.asked-for-pictures.intro":
    "You do not have to send pictures. Not even if someone keeps asking. This help thinks along with you.",
  "help.need.picture-shared.intro":
    "It is not your fault. A picture can often be taken offline. This help helps you with that.",
  "help.need.threatened.intro": "You are not alone. Are you in danger right now? Then call 112.",
  "help.need.at-home.intro":
    "You should be safe at home. Talk about it with someone you trust, or with this help.",
  "help.need.want-to-talk.intro": "Talking helps. You can come here with anything on your mind.",
  "update.available": "New version available",
  "update.reload": "Refresh",
  "signIn.title": "Sign in",
  "signIn.username": "Username",
  "signIn.password": "Password",
  "signIn.server": "Server",
  "signIn.serverHint": "The address of your Matrix server.",
  "signIn.changeServer": "Choose another server",
  "signIn.submit": "Sign in",
  "signIn.busy": "Signing in…",
  "signIn.error.wrongCredentials": "Your username or password is not right. Please try again.",
  "signIn.error.unreachable":
    "We cannot reach the server {server}. Are you online? Is the address right?",
  "signIn.error.notAHomeserver": "There is no Matrix server at {server}. Check the address.",
  "signIn.error.unsupportedServer": "This server is too old for this app. Needed: {missing}.",
  "signIn.error.invalidUrl":
    "This server address is not right. A good address looks like https://matrix.example.org.",
  "signIn.error.serverError":
    "Something went wrong on the server (error {status}). Please try again later.",
  "signIn.error.required": "Fill in your username and password.",
  "signIn.error.seatCodeUsed":
    "This QR code has been used already. Ask the facilitator for a new QR code.",
  "signIn.error.seatCodeUnreachable":
    "Signing in with this code does not work right now. Scan the code again in a moment.",
  "signIn.seatLink.title": "Signing in with your QR code",
  "signIn.seatLink.byHand": "Sign in with a name and password",
  "signIn.notice.signedOutElsewhere":
    "You were signed out on this device. Maybe you did that yourself somewhere else. Sign in again to keep chatting.",

  "session.startFailed": "Your chats could not be loaded. Please sign in again.",
  "loading.title": "The app is starting",
  "loading.progress": "Step {done} of {total} done",
  "loading.stage.app": "Loading the app",
  "loading.stage.keys": "Setting up your keys, so only you can read your messages",
  "loading.stage.sync": "Fetching your chats",
  "loading.state.done": "done",
  "loading.state.active": "busy",
  "loading.state.waiting": "still to come",
  "loading.slow": "This is taking longer than usual.",
  "loading.slowHint": "Your internet may be slow. Try again. You can always open Help, also now.",
  "loading.retry": "Try again",
  "why.title": "Why am I seeing this?",
  "why.rules": "Safety rules: {pack}",
  "why.other": "This follows from the app's safety rules.",
};
