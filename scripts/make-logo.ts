/**
 * Draws the demo site's logo once: public/logo.svg and public/logo.png (600×60, the shape
 * Google asks of a news publisher's logo), both committed. The PNG is rendered from the SVG by
 * sharp with Pretendard (the site's font, from its npm package) made visible to fontconfig for
 * this process only. A real site sets SITE_LOGO to its own (README: Configuration).
 *
 *   npx tsx scripts/make-logo.ts
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.join(__dirname, "..");
const NAME = "KMBN 지역뉴스";
const BRAND_700 = "#184d7e";
const BRAND_800 = "#123a60";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60">
  <title>${NAME}</title>
  <rect width="600" height="60" fill="#ffffff"/>
  <rect x="4" y="6" width="48" height="48" rx="10" fill="${BRAND_700}"/>
  <rect x="14" y="17" width="28" height="5" rx="2.5" fill="#ffffff"/>
  <rect x="14" y="27.5" width="28" height="5" rx="2.5" fill="#ffffff" opacity="0.8"/>
  <rect x="14" y="38" width="18" height="5" rx="2.5" fill="#ffffff" opacity="0.6"/>
  <text x="66" y="44" font-family="Pretendard, 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif" font-size="38" font-weight="700" letter-spacing="-0.5" fill="${BRAND_800}">${NAME}</text>
</svg>
`;

async function main() {
  const fontDir = path.join(root, "node_modules", "pretendard", "dist", "public", "static");
  const configDir = mkdtempSync(path.join(os.tmpdir(), "logo-fonts-"));
  const configFile = path.join(configDir, "fonts.conf");
  writeFileSync(
    configFile,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${fontDir}</dir><dir>/usr/share/fonts</dir><cachedir>${configDir}</cachedir></fontconfig>`,
  );
  process.env.FONTCONFIG_FILE = configFile;
  const sharp = (await import("sharp")).default;
  writeFileSync(path.join(root, "public", "logo.svg"), svg);
  await sharp(Buffer.from(svg), { density: 72 }).png({ compressionLevel: 9 }).toFile(path.join(root, "public", "logo.png"));
  console.log("Wrote public/logo.svg and public/logo.png");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
