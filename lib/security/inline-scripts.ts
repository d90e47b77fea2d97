import { articleFontScript } from "@/components/article/article-font";

/**
 * The root layout's one inline script (app/layout.tsx). It is constant, so the
 * Content-Security-Policy allows it by its sha256 (lib/security/content-security-policy.ts)
 * and the layout needs no nonce, which would make every page read the request.
 *
 * First, zod 4's jitless mode in the browser: building its first object schema, zod probes
 * `new Function("")` to see whether it may compile fast parsers. Under our policy (no
 * 'unsafe-eval') the probe throws and zod falls back, but the browser still reports a CSP
 * violation on every page with a form. Set before any bundle runs, jitless skips the probe.
 * zod reads globalThis.__zod_globalConfig and keeps what is there.
 * Then the reader's article font size (components/article/article-font.ts).
 */
const zodJitlessScript = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";

export const ROOT_INLINE_SCRIPT = `${zodJitlessScript}${articleFontScript}`;
