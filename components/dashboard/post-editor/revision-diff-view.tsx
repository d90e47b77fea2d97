import type { DiffPart } from "@/lib/content/revision-diff";

/** Words removed struck through in red, words added underlined in green, the rest as it was. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="whitespace-pre-wrap">
      {parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index} className="bg-green-100 text-green-900 decoration-green-700">
            {part.text}
          </ins>
        ) : part.kind === "removed" ? (
          <del key={index} className="bg-red-100 text-red-900 decoration-red-700">
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
