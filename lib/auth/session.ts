import "server-only";

/**
 * The signed-in user of the current request, or null. Server-only: reads the session cookie.
 * (Placeholder while the auth foundation lands; the signature is final.)
 */
export async function getSessionUser(): Promise<{ id: number; displayName: string; role: "reporter" | "editor" | "admin" } | null> {
  return null;
}
