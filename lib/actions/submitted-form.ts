/**
 * Every server action here takes the submitted form as its last argument. A call that React did
 * not encode (a hand-made request naming a real action id) can pass something else, or
 * nothing; it is treated as an empty form, which each action's schema then refuses with its
 * Korean message, instead of a TypeError and a 500. proxy.ts refuses bodies that are no form.
 */
export function submittedForm(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
