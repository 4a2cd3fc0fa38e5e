// View-model layer: what this device keeps for the person outside any
// account's data, and what it can do outside the page: the theme (light,
// dark, or as the system is) and notifications (the browser's permission,
// the person's opt-in, whether the app is in front, showing one). main.tsx
// passes the browser's (ui/browserDevice.ts); tests and the default pass a
// device in memory, so view models never touch the DOM.

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** "unsupported": this browser has no Notification API (or not in this context). */
export type NotificationPermissionState = "default" | "granted" | "denied" | "unsupported";

/** One notification, as the engine's decision allowed it to be worded. */
export type DeviceNotification = {
  readonly title: string;
  readonly body: string;
  /** A later notification with the same tag replaces this one. */
  readonly tag: string;
  readonly onClick: () => void;
};

export type DeviceNotifications = {
  readonly permission: () => NotificationPermissionState;
  /** Asks the browser. Only ever called from the person's own tap (browsers require it too). */
  readonly requestPermission: () => Promise<NotificationPermissionState>;
  /** The person's opt-in on this device (off until they turn it on). */
  readonly enabled: () => boolean;
  readonly setEnabled: (on: boolean) => void;
  /** The app is not in front (another tab, another app, the screen off). */
  readonly hidden: () => boolean;
  readonly show: (notification: DeviceNotification) => void;
};

export type DeviceTheme = {
  readonly get: () => ThemeChoice;
  /** Stores the choice on this device and applies it at once. */
  readonly set: (choice: ThemeChoice) => void;
};

export type DevicePorts = {
  readonly theme: DeviceTheme;
  readonly notifications: DeviceNotifications;
};

/** A device in memory: a theme that follows the system, no notifications. */
export function deviceInMemory(): DevicePorts {
  let theme: ThemeChoice = "system";
  return {
    theme: {
      get: () => theme,
      set: (choice) => {
        theme = choice;
      },
    },
    notifications: {
      permission: () => "unsupported",
      requestPermission: () => Promise.resolve("unsupported"),
      enabled: () => false,
      setEnabled: () => undefined,
      hidden: () => false,
      show: () => undefined,
    },
  };
}
