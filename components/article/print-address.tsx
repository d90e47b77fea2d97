"use client";

import { useSyncExternalStore } from "react";

const neverChanges = () => () => undefined;
const pageAddress = () => window.location.origin + window.location.pathname;
const noAddress = () => "";

/**
 * On paper only (Ctrl+P on the article page): the site's name and the article's address under
 * its byline, where the site header would have said where it came from. The address is the
 * browser's own (without the list query): the cached article page reads nothing of the
 * request, so the server cannot name the host. Nothing without JavaScript.
 */
export function PrintAddress({ siteName }: { siteName: string }) {
  const address = useSyncExternalStore(neverChanges, pageAddress, noAddress);
  if (!address) return null;
  return (
    <p className="mt-2 hidden text-xs text-gray-600 print:block">
      {siteName} · {address}
    </p>
  );
}
