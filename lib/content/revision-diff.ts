import { diffWordsWithSpace } from "diff";
import { htmlToText } from "@/lib/text/html-to-text";

/**
 * What changed between two revisions of an article, word by word, as readers would read it
 * (the text of the HTML, one paragraph per line), for the revision history's comparison view.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type RevisionDiff = { title: DiffPart[]; subtitle: DiffPart[]; body: DiffPart[]; changed: boolean };

function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

type RevisionText = { title: string; subtitle: string; bodyHtml: string };

export function diffRevisions(before: RevisionText, after: RevisionText): RevisionDiff {
  const title = diffText(before.title, after.title);
  const subtitle = diffText(before.subtitle, after.subtitle);
  const body = diffText(htmlToText(before.bodyHtml), htmlToText(after.bodyHtml));
  const changed = [title, subtitle, body].some((parts) => parts.some((part) => part.kind !== "same"));
  return { title, subtitle, body, changed };
}
