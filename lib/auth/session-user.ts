import { isRole, type Role } from "./roles";

/**
 * The signed-in user as the session carries it (in the encrypted JWT cookie and in the JSON of
 * /api/auth/session): no secrets, just what pages show and checks need. Pure, so the header's
 * client component can parse the session JSON with the same rules the server uses.
 */
export type SessionUser = { id: number; displayName: string; role: Role };

/** A SessionUser from untrusted JSON, or null when anything is missing or malformed. */
export function parseSessionUser(value: unknown): SessionUser | null {
  if (typeof value !== "object" || value === null) return null;
  const { id, displayName, role } = value as Record<string, unknown>;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) return null;
  if (typeof displayName !== "string" || displayName === "") return null;
  if (!isRole(role)) return null;
  return { id, displayName, role };
}
