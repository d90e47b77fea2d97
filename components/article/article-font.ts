/**
 * The reader's article text size: five steps of the article body's font, kept in localStorage
 * across articles and visits (the original skin's 크게/작게 forgot it on the next page).
 *
 * The chosen size lives on <html data-article-font="19">, and globals.css sizes `.article-body`
 * from that attribute. `articleFontScript` runs inline in the root layout's <head>, so the
 * attribute is in place before the first paint: no flash of the default size, and nothing
 * but the body text ever moves. The default size has no attribute at all.
 */

/** Body text sizes in px, smallest first; globals.css has one rule per non-default size. */
export const ARTICLE_FONT_SIZES = [15, 17, 19, 21, 23] as const;
const DEFAULT_ARTICLE_FONT_SIZE = 17;
export const DEFAULT_FONT_STEP = ARTICLE_FONT_SIZES.indexOf(DEFAULT_ARTICLE_FONT_SIZE);

const STORAGE_KEY = "article-font-size";
/** Fired on window when the size changes, so every control showing it can follow. */
const CHANGE_EVENT = "article-font-change";

/**
 * Runs before first paint: marks the page as scripted (the `no-js:` variant hides controls
 * that need JavaScript) and applies the stored size. localStorage may throw (blocked
 * storage, some private modes); the page then simply keeps the default size.
 */
export const articleFontScript = `(function(){var d=document.documentElement;d.classList.add("js");try{var s=localStorage.getItem(${JSON.stringify(STORAGE_KEY)});if(${JSON.stringify(ARTICLE_FONT_SIZES.filter((size) => size !== DEFAULT_ARTICLE_FONT_SIZE).map(String))}.indexOf(s)>=0)d.dataset.articleFont=s}catch(e){}})()`;

/** The size step now applied, 0-based, read from <html>. */
export function currentFontStep(): number {
  const size = Number(document.documentElement.dataset.articleFont ?? DEFAULT_ARTICLE_FONT_SIZE);
  const step = ARTICLE_FONT_SIZES.findIndex((candidate) => candidate === size);
  return step >= 0 ? step : DEFAULT_FONT_STEP;
}

/** Applies and remembers a size step (clamped to the steps there are). */
function setFontStep(step: number) {
  const size = ARTICLE_FONT_SIZES[Math.min(Math.max(step, 0), ARTICLE_FONT_SIZES.length - 1)];
  const root = document.documentElement;
  if (size === DEFAULT_ARTICLE_FONT_SIZE) delete root.dataset.articleFont;
  else root.dataset.articleFont = String(size);
  try {
    if (size === DEFAULT_ARTICLE_FONT_SIZE) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, String(size));
  } catch {
    // Storage blocked: the size still applies to this page, it just is not remembered.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export const changeFontStep = (by: 1 | -1) => setFontStep(currentFontStep() + by);
export const resetFontStep = () => setFontStep(DEFAULT_FONT_STEP);

/** For useSyncExternalStore: calls back whenever the size changes. */
export function subscribeToFontStep(callback: () => void) {
  window.addEventListener(CHANGE_EVENT, callback);
  return () => window.removeEventListener(CHANGE_EVENT, callback);
}
