/**
 * A render that started before a write and finished after it is stored as fresh (Next dates a
 * cache entry by when it was stored), so it would serve the text from before the write, e.g.
 * a comment an editor has just hidden, until the page's next revalidation. So every write
 * expires its tags twice: at once, and again SECOND_EXPIRY_MS later, when any render that was
 * in flight at the write has been stored. The same holds on an instance that hears of the
 * write from another one.
 */
export const SECOND_EXPIRY_MS = 2_000;
