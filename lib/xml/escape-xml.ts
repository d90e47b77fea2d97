/**
 * Text into XML (feeds and sitemaps), for element content and attribute values alike. Pure.
 *
 * XML 1.0 allows only tab, line feed, carriage return and the characters from U+0020 up
 * (without the surrogates and U+FFFE/U+FFFF): a single U+0000–U+0008 anywhere makes the whole
 * document ill-formed, and feed readers then show nothing at all. Those characters are dropped
 * (a lone surrogate too); then the five markup characters become references.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `&#39;` rather than `&apos;`: the same in XML, and also right in HTML (feeds carry escaped HTML). */
const REFERENCES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Drops the characters XML 1.0 does not allow. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** Escapes text for XML (or HTML) element content or a quoted attribute value. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (char) => REFERENCES[char]);
}

/** An element with escaped text content: `<name>text</name>`. */
export function xmlElement(name: string, text: string, attributes: Record<string, string> = {}): string {
  return `<${name}${xmlAttributes(attributes)}>${escapeXml(text)}</${name}>`;
}

/** ` key="value"` for each attribute, values escaped. */
export function xmlAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
