import sanitizeHtml from "sanitize-html";

/**
 * The article body HTML the site stores and shows: what the dashboard's editor makes, and
 * nothing else. Every article body is passed through here on the server before it is saved
 * (lib/data/post-writes.ts), so the public pages can render stored HTML as it is.
 *
 * An allowlist (sanitize-html, a real HTML parser): tags and attributes not listed are removed
 * (their text kept), script/style/iframe-like elements are dropped with their content, links
 * may only be http(s) or mailto, and images only come from this site's media store (/media/…),
 * so an article can neither run script nor pull in a tracker.
 */

/** Images in article bodies: uploaded through the dashboard and served from /media/. */
const MEDIA_SRC = /^\/media\/[A-Za-z0-9/_-]+\.webp(\?[A-Za-z0-9=,&]*)?$/;

const DIMENSION = /^[1-9]\d{0,4}$/;

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "strong", "em", "s", "a", "ul", "ol", "li", "blockquote", "br", "hr",
    "img", "table", "thead", "tbody", "tr", "th", "td", "code", "pre",
  ],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    img: ["src", "alt", "width", "height"],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Dropped with everything inside them (the default list, made explicit).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title", "xmp", "iframe", "object", "embed", "svg", "math"],
  transformTags: {
    // The article title is the page's h1; headings in the body start at h2.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    strike: "s",
    del: "s",
    div: "p",
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? "");
      const attributes: Record<string, string> = { href: attribs.href ?? "" };
      if (external) {
        attributes.rel = "noopener noreferrer nofollow";
        if (attribs.target === "_blank") attributes.target = "_blank";
      }
      return { tagName, attribs: attributes };
    },
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === "img") return !MEDIA_SRC.test(frame.attribs.src ?? "");
    // A link whose href did not survive the scheme check is just its text.
    if (frame.tag === "a") return false;
    return false;
  },
};

const cleanNumber = (value: string | undefined) => (value && DIMENSION.test(value) ? value : undefined);

/** Stored form of an article body: allowlisted HTML, images only from /media/, safe links. */
export function sanitizeArticleHtml(html: string): string {
  // Lone UTF-16 surrogates (no browser sends them, a hand-made call can) become U+FFFD.
  const sanitized = sanitizeHtml(html.toWellFormed(), {
    ...ALLOWED,
    transformTags: {
      ...ALLOWED.transformTags,
      img: (tagName, attribs) => {
        const attributes: Record<string, string> = { src: attribs.src ?? "", alt: attribs.alt ?? "" };
        const width = cleanNumber(attribs.width);
        const height = cleanNumber(attribs.height);
        if (width && height) Object.assign(attributes, { width, height });
        return { tagName, attribs: attributes };
      },
      th: (tagName, attribs) => ({ tagName, attribs: spans(attribs) }),
      td: (tagName, attribs) => ({ tagName, attribs: spans(attribs) }),
    },
  });
  return sanitized.replace(/<p>(\s|&nbsp;|<br \/>)*<\/p>\s*$/g, "").trim();
}

function spans(attribs: sanitizeHtml.Attributes): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ["colspan", "rowspan"]) {
    const value = attribs[name];
    if (value && /^[1-9]\d?$/.test(value)) kept[name] = value;
  }
  return kept;
}

/** True when an article body has something a reader would see (text or an image). */
export function hasVisibleContent(sanitizedHtml: string): boolean {
  if (/<img\s/i.test(sanitizedHtml)) return true;
  return sanitizeHtml(sanitizedHtml, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, "") !== "";
}
