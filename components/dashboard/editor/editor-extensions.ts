import type { Extensions } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { isAllowedLinkHref } from "./link-href";
import { MediaImage } from "./media-image";
import { UploadPlaceholder } from "./upload-placeholder";

/**
 * The article body editor's schema: exactly what the server's sanitizer keeps
 * (lib/content/sanitize-article-html.ts): p, h2–h4, strong, em, s, a, ul/ol/li, blockquote,
 * br, hr, img (/media/ only), table/tr/th/td, code, pre. Underline (<u>) is left out because
 * the sanitizer would strip it; h1 is the article's title. Defined once at module level so
 * `useEditor` sees the same array on every render and never rebuilds the editor.
 */
export const articleEditorExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    underline: false,
    dropcursor: { color: "#1f5f99", width: 2 },
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: "https",
      // No target: links open where the reader chooses. rel as the sanitizer sets it.
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null, class: null },
      isAllowedUri: (url, { defaultValidate }) => isAllowedLinkHref(url) && defaultValidate(url),
    },
  }),
  MediaImage,
  // Not resizable: column widths would be thrown away by the sanitizer.
  TableKit.configure({ table: { resizable: false } }),
  UploadPlaceholder,
];
