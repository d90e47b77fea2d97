"use client";

import { useEffect, useState } from "react";

/**
 * The comment section's live region: "댓글을 등록했습니다.", "댓글을 삭제했습니다." are read out
 * even when the form that said it has closed (announceComment in use-comment-form.ts).
 */
export function CommentAnnouncer() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    let clear: number | undefined;
    const listener = (event: Event) => {
      setMessage((event as CustomEvent<string>).detail);
      window.clearTimeout(clear);
      clear = window.setTimeout(() => setMessage(""), 5_000);
    };
    window.addEventListener("comments:announce", listener);
    return () => {
      window.removeEventListener("comments:announce", listener);
      window.clearTimeout(clear);
    };
  }, []);
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {message}
    </p>
  );
}
