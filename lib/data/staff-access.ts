import "server-only";
import { canAdminister, canModerate, isRole, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/**
 * Who may use the dashboard's moderation and admin functions. Every function of
 * lib/data/moderation.ts, admin-users.ts and admin-boards.ts starts here with the actor its
 * caller got from the session, and reads the account again: the session remembers a role for
 * up to five minutes (lib/auth/options.ts), and a demoted or disabled account must lose its
 * powers at once, not then.
 */
export type StaffActor = { id: number; role: Role };

/** The one failure shape of these data functions: a Korean message, on a form field when there is one. */
export type Refusal<Field extends string = never> = {
  ok: false;
  code: "forbidden" | "not-found" | "conflict" | "invalid";
  message: string;
  field?: Field;
};

export function refusal<Field extends string = never>(code: Refusal["code"], message: string, field?: Field): Refusal<Field> {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

export const MODERATORS_ONLY_MESSAGE = "댓글 관리는 편집자와 관리자만 할 수 있습니다.";
export const ADMINS_ONLY_MESSAGE = "관리자만 할 수 있는 일입니다.";

/** The actor's role as the database has it now; null for a disabled or missing account. */
async function currentRole(actor: StaffActor): Promise<Role | null> {
  const account = await db.user.findUnique({ where: { id: actor.id }, select: { role: true, disabledAt: true } });
  if (!account || account.disabledAt !== null || !isRole(account.role)) return null;
  return account.role;
}

/** Null when the actor may moderate comments (an editor or admin), else the refusal. */
export async function refuseUnlessModerator(actor: StaffActor): Promise<Refusal | null> {
  if (!canModerate(actor.role)) return refusal("forbidden", MODERATORS_ONLY_MESSAGE);
  const role = await currentRole(actor);
  return role && canModerate(role) ? null : refusal("forbidden", MODERATORS_ONLY_MESSAGE);
}

/** Null when the actor is an admin, else the refusal. */
export async function refuseUnlessAdmin(actor: StaffActor): Promise<Refusal | null> {
  if (!canAdminister(actor.role)) return refusal("forbidden", ADMINS_ONLY_MESSAGE);
  const role = await currentRole(actor);
  return role && canAdminister(role) ? null : refusal("forbidden", ADMINS_ONLY_MESSAGE);
}

/** Whether a Prisma error is a unique-constraint violation (two requests making the same thing). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Interactive transactions here are a few statements; waiting longer means the database is stuck. */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;
