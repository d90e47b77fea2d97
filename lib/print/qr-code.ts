import "server-only";
import QRCode from "qrcode";

/**
 * A QR code for an address, as inline SVG markup made on the server (the `qrcode` package):
 * nothing is fetched from anywhere, and it prints as sharp vectors at any size. Error
 * correction M (15%) survives a smudge or a fold; a two-module quiet zone is part of the
 * picture, so it scans even when printed next to text. The markup has no width or height:
 * CSS sizes it.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
}
