"use client";

import { useEffect } from "react";

const AUTOPRINT = "autoprint";

/**
 * `?autoprint=1` (the article toolbar's 인쇄 and its P shortcut): opens the print dialog once,
 * when the page, its pictures and its fonts have loaded, so the dialog's preview is complete.
 * The flag is taken out of the address first, so a reload, Back or a second mount (React's
 * development double effects) does not print again.
 */
export function AutoPrint() {
  useEffect(() => {
    let cancelled = false;
    const printOnce = () => {
      const url = new URL(window.location.href);
      if (cancelled || url.searchParams.get(AUTOPRINT) !== "1") return;
      url.searchParams.delete(AUTOPRINT);
      window.history.replaceState(window.history.state, "", url);
      void document.fonts.ready.then(() => window.print());
    };
    if (document.readyState === "complete") printOnce();
    else window.addEventListener("load", printOnce, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener("load", printOnce);
    };
  }, []);
  return null;
}
