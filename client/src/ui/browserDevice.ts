// UI: the browser's side of viewmodels/device.ts. The theme is a `data-theme`
// attribute on <html> that styles.css reads (no attribute: the system's
// choice, through prefers-color-scheme), kept in localStorage so it holds
// from the first paint of the next visit. Notifications use the Notification
// API while the page is hidden; the permission is asked only when the person
// taps "turn on" in Settings.
import {
  THEME_CHOICES,
  type DevicePorts,
  type NotificationPermissionState,
  type ThemeChoice,
} from "../viewmodels/device.ts";

const THEME_KEY = "sbd.theme";
const NOTIFICATIONS_KEY = "sbd.notifications";
/** The app's icon, never the sender's picture (there are no pictures). */
const ICON = "/icons/icon-192.png";

type BrowserParts = {
  readonly storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  readonly document: Document;
  /** Focuses the app's window when a notification is tapped. */
  readonly focus: () => void;
  /** The service worker's registration, where the Notification constructor is not allowed. */
  readonly serviceWorker?: Promise<ServiceWorkerRegistration | undefined> | undefined;
};

export function storedTheme(storage: BrowserParts["storage"]): ThemeChoice {
  const stored = storage.getItem(THEME_KEY);
  return THEME_CHOICES.find((choice) => choice === stored) ?? "system";
}

/** Puts the theme on <html>: "system" removes the attribute, so the media query decides. */
export function applyTheme(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

function notificationApi(): typeof Notification | undefined {
  return typeof Notification === "undefined" ? undefined : Notification;
}

function permissionOf(api: typeof Notification | undefined): NotificationPermissionState {
  return api === undefined ? "unsupported" : api.permission;
}

/** The browser's device; applies the stored theme at once (before the first render). */
export function browserDevice(parts: BrowserParts): DevicePorts {
  const { storage, document } = parts;
  applyTheme(document.documentElement, storedTheme(storage));
  return {
    theme: {
      get: () => storedTheme(storage),
      set: (choice) => {
        if (choice === "system") storage.removeItem(THEME_KEY);
        else storage.setItem(THEME_KEY, choice);
        applyTheme(document.documentElement, choice);
      },
    },
    notifications: {
      permission: () => permissionOf(notificationApi()),
      requestPermission: async () => {
        const api = notificationApi();
        if (api === undefined) return "unsupported";
        return api.requestPermission();
      },
      enabled: () => storage.getItem(NOTIFICATIONS_KEY) === "on",
      setEnabled: (on) => {
        if (on) storage.setItem(NOTIFICATIONS_KEY, "on");
        else storage.removeItem(NOTIFICATIONS_KEY);
      },
      hidden: () => document.visibilityState === "hidden",
      show: ({ title, body, tag, onClick }) => {
        const api = notificationApi();
        if (api === undefined || api.permission !== "granted") return;
        const options = { body, tag, icon: ICON };
        try {
          const shown = new api(title, options);
          shown.onclick = () => {
            parts.focus();
            onClick();
            shown.close();
          };
        } catch {
          // Chrome on Android shows notifications only through the service
          // worker (the constructor throws there); a tap then opens nothing.
          void parts.serviceWorker?.then((registration) =>
            registration?.showNotification(title, options),
          );
        }
      },
    },
  };
}
