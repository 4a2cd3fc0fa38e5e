// UI: a picture this device decoded and scaled (pictureDecoding.ts), drawn
// into a canvas of its own size. A canvas rather than an <img> of an object
// URL: the pixels live in this element alone and go when it leaves the
// screen (its size set to zero), where an <img> left a decoded copy of every
// picture of a long scroll in the browser's image cache (docs/measures/media.md,
// memory). Named for screen readers as an image. Contains no rules.
import { useLayoutEffect, useRef } from "react";
import type { ShownPicture } from "../media/pictureDecoding.ts";

export function PictureCanvas({
  picture,
  label,
  className,
}: {
  picture: ShownPicture;
  label: string;
  className?: string | undefined;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    element.width = picture.width;
    element.height = picture.height;
    try {
      element.getContext("2d")?.drawImage(picture.bitmap, 0, 0, picture.width, picture.height);
    } catch {
      // A bitmap already let go (its row left the screen as this drew): the canvas stays empty.
    }
    return () => {
      // Frees the canvas's pixels now rather than when the element is collected.
      element.width = 0;
      element.height = 0;
    };
  }, [picture]);
  return (
    <canvas
      ref={canvas}
      className={className}
      role="img"
      aria-label={label}
      width={picture.width}
      height={picture.height}
      data-drawn="true"
    />
  );
}
