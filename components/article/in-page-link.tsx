"use client";

import type { ComponentProps } from "react";

/** Puts back the page's own scroll-behavior after a smooth jump; set while one is pending. */
let restoreScrollBehavior: (() => void) | undefined;

/**
 * Makes the next jump to a fragment scroll smoothly, unless the reader prefers reduced motion.
 * The jump itself stays the browser's own (history entry, :target, where Tab continues from);
 * only scroll-behavior is set on <html> until that scroll ends.
 */
function smoothenNextJump() {
  if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  restoreScrollBehavior?.();
  const root = document.documentElement;
  root.style.scrollBehavior = "smooth";
  const restore = () => {
    window.clearTimeout(timer);
    document.removeEventListener("scrollend", restore);
    root.style.removeProperty("scroll-behavior");
    restoreScrollBehavior = undefined;
  };
  document.addEventListener("scrollend", restore);
  // No scrollend when there was nothing to scroll; the timer covers that.
  const timer = window.setTimeout(restore, 2000);
  restoreScrollBehavior = restore;
}

/** Goes to an anchor on this page (`#comments`) as a link to it would, smoothly. */
export function jumpTo(hash: `#${string}`) {
  const routerState: unknown = window.history.state;
  smoothenNextJump();
  // assign, not `location.hash =`: setting the same hash again would not scroll back to it.
  window.location.assign(hash);
  // The browser's fragment jump makes a history entry without the Next.js router's state, and
  // when Back later returns to that entry the router cannot restore the page (it keeps showing
  // the article the reader went back from). The entry is this same page: give it its state.
  window.history.replaceState(routerState, "", window.location.href);
}

/**
 * A plain link to an anchor on this page: without JavaScript the browser jumps; with it the
 * jump scrolls smoothly and Back works with the router (see jumpTo).
 */
export function InPageLink(props: Omit<ComponentProps<"a">, "onClick"> & { href: `#${string}` }) {
  return (
    <a
      {...props}
      onClick={(event) => {
        // Ctrl/⌘/Shift clicks open a new tab or window: leave those to the browser.
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        jumpTo(props.href);
      }}
    />
  );
}
