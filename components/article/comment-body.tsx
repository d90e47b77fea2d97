import { linkify } from "@/lib/comments/linkify";

/**
 * A comment's text: plain text, escaped by React like any string, its line breaks kept and its
 * http(s) addresses made into links (lib/comments/linkify.ts) that open in a new tab and tell
 * search engines the link is a reader's (nofollow ugc), without handing the opened page a
 * reference back (noopener noreferrer).
 */
export function CommentBody({ text }: { text: string }) {
  return (
    <p className="mt-1 whitespace-pre-line break-words text-[15px] leading-relaxed text-gray-800">
      {linkify(text).map((segment, index) =>
        segment.kind === "text" ? (
          segment.text
        ) : (
          <a
            key={index}
            href={segment.href}
            title={segment.label === segment.text ? undefined : segment.text}
            target="_blank"
            rel="nofollow ugc noopener noreferrer"
            className="break-all text-brand-700 underline hover:text-brand-800"
          >
            {segment.label}
          </a>
        ),
      )}
    </p>
  );
}
