"use client";

import { useEffect } from "react";

/**
 * Tells the server this article was read, in a request of its own after the page has loaded,
 * so the article HTML can come from a cache and the view still counts. The server decides
 * whether it counts (once per visitor per day, not bots, not the author).
 */
export function ViewBeacon({ postId }: { postId: number }) {
  useEffect(() => {
    const body = JSON.stringify({ postId });
    const sent = typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/views", new Blob([body], { type: "application/json" }));
    if (!sent) void fetch("/api/views", { method: "POST", body, keepalive: true, headers: { "Content-Type": "application/json" } }).catch(() => undefined);
  }, [postId]);
  return null;
}
