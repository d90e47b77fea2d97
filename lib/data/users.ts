import "server-only";
import { isRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";

/**
 * Accounts, as far as logging in needs them. The password hash leaves this module only
 * through findLoginAccount, which lib/auth/credentials.ts alone calls.
 */

export type LoginAccount = SessionUser & { passwordHash: string; disabled: boolean };

/** The account with this login id (exact match), with what checking a password needs. */
export async function findLoginAccount(loginId: string): Promise<LoginAccount | null> {
  const user = await db.user.findUnique({
    where: { loginId },
    select: { id: true, displayName: true, role: true, passwordHash: true, disabledAt: true },
  });
  if (!user || !isRole(user.role)) return null;
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    passwordHash: user.passwordHash,
    disabled: user.disabledAt !== null,
  };
}

/** The user as a session should now see them, or null when the account is gone or disabled. */
export async function findActiveSessionUser(id: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, displayName: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt !== null || !isRole(user.role)) return null;
  return { id: user.id, displayName: user.displayName, role: user.role };
}
