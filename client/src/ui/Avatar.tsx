// UI: an initials avatar (viewmodels/avatar.ts decided what it shows): never
// a picture, since a Matrix avatar is an image anyone can set. Decorative for
// screen readers: the name beside it says who it is.
import { assertNever } from "../viewmodels/assertNever.ts";
import type { AvatarView } from "../viewmodels/avatar.ts";

export function Avatar({
  avatar,
  size = "medium",
}: {
  readonly avatar: AvatarView;
  readonly size?: "medium" | "large";
}) {
  const className = `avatar avatar-${size} avatar-colour-${String(avatar.colour)}`;
  switch (avatar.kind) {
    case "initials":
      return (
        <span className={className} aria-hidden="true">
          {avatar.initials}
        </span>
      );
    case "group":
      return (
        <span className={className} aria-hidden="true">
          <svg viewBox="0 0 24 24" width="60%" height="60%" focusable="false">
            <circle cx="8" cy="8" r="3.5" fill="currentColor" />
            <circle cx="16.5" cy="9" r="3" fill="currentColor" />
            <path d="M1.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5z" fill="currentColor" />
            <path d="M15 20c0-2.2-.8-4.2-2.1-5.7a5.6 5.6 0 0 1 9.6 4V20z" fill="currentColor" />
          </svg>
        </span>
      );
    case "unknown":
      return (
        <span className={`${className} avatar-unknown`} aria-hidden="true">
          <svg viewBox="0 0 24 24" width="60%" height="60%" focusable="false">
            <circle cx="12" cy="8" r="4.5" fill="currentColor" />
            <path d="M3 21c0-5 4-8.5 9-8.5s9 3.5 9 8.5z" fill="currentColor" />
          </svg>
        </span>
      );
    default:
      return assertNever(avatar);
  }
}
