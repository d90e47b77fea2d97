"use client";

import { useEffect, useState } from "react";
import { canModerate } from "@/lib/auth/roles";
import { parseSessionUser, type SessionUser } from "@/lib/auth/session-user";

/**
 * Who is reading, as far as the comment forms care: a signed-in user (they comment without a
 * name and password, and see 수정/삭제 on their own comments; editors and admins 삭제 on all) or
 * a guest. The article page is the same for everyone, so this is asked from the browser
 * (/api/auth/session) after the page loads; until then, and without JavaScript, everyone is a
 * guest. The server actions check the session again themselves.
 */
export type CommentViewer = SessionUser | null;

/** Long enough for every comment on a page to share one request; short enough that logging in or out shows on the next page. */
const MAX_AGE_MS = 2_000;
let cached: { at: number; viewer: Promise<CommentViewer> } | null = null;

/** One request for all the comment forms of a page. */
function loadViewer(): Promise<CommentViewer> {
  if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.viewer;
  const viewer = fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : null))
    .then((session: { user?: unknown } | null) => parseSessionUser(session?.user))
    .catch(() => null);
  cached = { at: Date.now(), viewer };
  return viewer;
}

export function useCommentViewer(): CommentViewer {
  const [viewer, setViewer] = useState<CommentViewer>(null);
  useEffect(() => {
    let live = true;
    void loadViewer().then((loaded) => live && setViewer(loaded));
    return () => {
      live = false;
    };
  }, []);
  return viewer;
}

export function isModerator(viewer: CommentViewer): boolean {
  return viewer !== null && canModerate(viewer.role);
}

/** True once the page runs JavaScript (links become buttons, counters count). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
