import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Pretendard, the site's self-hosted Korean font, for generated images (next/og's Satori has no
 * Hangul of its own). Read from the npm package's OTF files (Satori reads TTF/OTF/WOFF, not
 * WOFF2) once per server process. `turbopackIgnore` keeps the build from tracing the whole
 * project through process.cwd().
 */
const FONT_DIR = ["node_modules", "pretendard", "dist", "public", "static"];

export type OgFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };

async function readFont(file: string): Promise<ArrayBuffer> {
  const bytes = await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), ...FONT_DIR, file));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

let fonts: Promise<OgFont[]> | null = null;

export function ogFonts(): Promise<OgFont[]> {
  fonts ??= Promise.all([readFont("Pretendard-Regular.otf"), readFont("Pretendard-Bold.otf")]).then(([regular, bold]) => [
    { name: "Pretendard", data: regular, weight: 400, style: "normal" },
    { name: "Pretendard", data: bold, weight: 700, style: "normal" },
  ]);
  // A failed read is not kept: the next request tries again.
  fonts.catch(() => (fonts = null));
  return fonts;
}
