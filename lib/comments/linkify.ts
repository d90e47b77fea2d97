/**
 * Comment bodies are plain text. This finds the web addresses in one, so the page can show
 * them as links while React escapes everything else. Pure: no DOM, no HTML in or out.
 *
 * What counts as an address:
 *   - only http:// and https:// (never javascript:, data:, file:, …), not glued to a word
 *     before it ("xhttps://…" is text);
 *   - only the characters a URL may hold (RFC 3986, ASCII). Anything else ends it: a space, a
 *     quote or angle bracket, and any non-ASCII letter — Korean particles are written right
 *     after a word ("https://kmbn.kr/news/1에서"), so Hangul ends an address. An address with
 *     Korean in its path links when it is percent-encoded, as browsers copy it;
 *   - closing punctuation is left out (".", ",", "!", "?", ":", ";", quotes), and so is a
 *     closing bracket the address did not open ("(https://a.kr/b)" links "https://a.kr/b",
 *     "https://a.kr/wiki/A_(B)" keeps its own pair);
 *   - it must parse as a URL with a host and no user name or password
 *     ("https://bank.kr@evil.example" is a classic disguise, so it stays text).
 */

export type BodySegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string; label: string };

/** Unreserved, reserved and "%" (RFC 3986), after an http(s) scheme not preceded by a letter or digit. */
const ADDRESS = /(?<![A-Za-z0-9])https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;

const TRAILING_PUNCTUATION = new Set([".", ",", ":", ";", "!", "?", "'", "*"]);
const BRACKET_PAIRS: Record<string, string> = { ")": "(", "]": "[" };

/** Longest address text shown in full; longer ones show their start and end around "…". */
export const MAX_LINK_LABEL = 60;

function count(text: string, char: string): number {
  let found = 0;
  for (const c of text) if (c === char) found += 1;
  return found;
}

/** Drops closing punctuation and unmatched closing brackets from the end of a candidate. */
function trimTrailing(candidate: string): string {
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1];
    if (TRAILING_PUNCTUATION.has(last)) {
      end -= 1;
      continue;
    }
    const opener = BRACKET_PAIRS[last];
    if (opener) {
      const head = candidate.slice(0, end);
      if (count(head, opener) < count(head, last)) {
        end -= 1;
        continue;
      }
    }
    break;
  }
  return candidate.slice(0, end);
}

/** The address as a safe href, or null when it is not one to link. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname || url.username || url.password) return null;
  // A host needs a dot (or is an IP literal); "http://foo" is more likely a typo than a site.
  if (!url.hostname.includes(".") && !url.hostname.startsWith("[")) return null;
  return url.href;
}

/** How a long address reads on the page: its start and end, the whole of it in the href. */
export function linkLabel(text: string, max: number = MAX_LINK_LABEL): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const tail = Math.floor(max / 4);
  return `${chars.slice(0, max - tail - 1).join("")}…${chars.slice(chars.length - tail).join("")}`;
}

/** The body as text and link segments, in order; joining every segment's text gives the body back. */
export function linkify(body: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) {
      const previous = segments.at(-1);
      const text = body.slice(textStart, end);
      if (previous?.kind === "text") previous.text += text;
      else segments.push({ kind: "text", text });
    }
  };
  for (const match of body.matchAll(ADDRESS)) {
    const start = match.index;
    const candidate = trimTrailing(match[0]);
    const href = safeHref(candidate);
    if (!href) continue;
    pushText(start);
    segments.push({ kind: "link", text: candidate, href, label: linkLabel(candidate) });
    textStart = start + candidate.length;
  }
  pushText(body.length);
  return segments;
}
