// UI: a QR code as SVG (one path of dark modules), with its link as text
// beside it for anyone who cannot scan: a screen reader hears the label, a
// facilitator can read the address out or type it. A link holding a secret
// (a seat's one-time code) shows as text only when asked (`showText`).
import qrcode from "qrcode-generator";

/** The dark modules of `text` as an SVG path, with a quiet zone of 4 modules. */
export function qrPath(text: string): { readonly size: number; readonly path: string } {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
    }
  }
  return { size: count + 8, path: parts.join("") };
}

export function QrCode({
  text,
  label,
  showText = true,
}: {
  readonly text: string;
  readonly label: string;
  readonly showText?: boolean;
}) {
  const { size, path } = qrPath(text);
  return (
    <figure className="console-qr">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${size} ${size}`}
        width="160"
        height="160"
        shapeRendering="crispEdges"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      {showText ? (
        <figcaption>
          <a href={text}>{text}</a>
        </figcaption>
      ) : null}
    </figure>
  );
}
