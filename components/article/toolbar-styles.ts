/**
 * The article toolbar's small bordered controls (links and buttons alike), shared by the
 * server-rendered toolbar and its client leaves. 44px tall on phones for the thumb, compact
 * from `sm` up like the original skin's buttons.
 */
const shape =
  "inline-flex min-h-11 items-center justify-center gap-1 whitespace-nowrap rounded border px-3 text-[13px] leading-none sm:min-h-8 sm:px-2.5";

export const toolbarControlClass = `${shape} border-gray-300 bg-white text-gray-700 hover:border-brand-600 hover:bg-brand-50 hover:text-brand-700`;

/** A control with nothing to do (no previous article, largest size reached). */
export const toolbarControlDisabledClass = `${shape} cursor-default border-gray-200 bg-gray-50 text-gray-400`;
