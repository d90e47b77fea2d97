import { Image } from "@tiptap/extension-image";

/**
 * The editor's image node: <img src alt width height>, block-level, and only for images in
 * this site's media store (/media/…), which is all the server's sanitizer keeps. Images
 * arrive through the upload (use-image-uploads.ts), never as typed Markdown or pasted
 * remote/data URLs: those are not parsed at all, so they never show up as if they would be
 * saved.
 */

const MEDIA_PREFIX = "/media/";

/**
 * The /media/… path of an image source, or null when it is not one of ours. An absolute URL
 * to this site (what a browser puts on the clipboard when an article's image is copied) is
 * turned back into its path.
 */
export function mediaImagePath(src: string | null | undefined, siteOrigin?: string): string | null {
  if (!src) return null;
  const value = src.trim();
  if (value.startsWith(MEDIA_PREFIX)) return value;
  if (!siteOrigin || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.origin === siteOrigin && url.pathname.startsWith(MEDIA_PREFIX) ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** A width or height attribute as a whole number of pixels, or null (as the sanitizer keeps them). */
export function imageDimension(value: string | number | null | undefined): number | null {
  const text = typeof value === "number" ? String(value) : value?.trim();
  return text && /^[1-9]\d{0,4}$/.test(text) ? Number(text) : null;
}

const currentOrigin = () => (typeof window === "undefined" ? undefined : window.location.origin);

const dimensionAttribute = (name: "width" | "height") => ({
  default: null,
  parseHTML: (element: HTMLElement) => imageDimension(element.getAttribute(name)),
  renderHTML: (attributes: Record<string, unknown>) => {
    const value = imageDimension(attributes[name] as number | null);
    return value ? { [name]: String(value) } : {};
  },
});

export const MediaImage = Image.extend({
  // No title attribute: the sanitizer would drop it.
  addAttributes() {
    return {
      src: {
        default: null,
        parseHTML: (element: HTMLElement) => mediaImagePath(element.getAttribute("src"), currentOrigin()),
      },
      alt: {
        default: "",
        parseHTML: (element: HTMLElement) => element.getAttribute("alt") ?? "",
      },
      width: dimensionAttribute("width"),
      height: dimensionAttribute("height"),
    };
  },

  parseHTML() {
    return [
      {
        tag: "img[src]",
        getAttrs: (element: HTMLElement) => (mediaImagePath(element.getAttribute("src"), currentOrigin()) ? null : false),
      },
    ];
  },

  // The stock `![alt](src)` input rule would make images from any address.
  addInputRules() {
    return [];
  },
}).configure({ inline: false, allowBase64: false });
