// A QR code as SVG, black on white with a quiet zone whatever the page's colours.
import { encodeQR } from "qr";
import { useMemo } from "react";

export function Qr({ text, label }: { text: string; label: string }) {
  const svg = useMemo(() => encodeQR(text, "svg", { ecc: "medium", border: 4 }), [text]);
  return <div className="qr" role="img" aria-label={label} data-qr={text} dangerouslySetInnerHTML={{ __html: svg }} />;
}
