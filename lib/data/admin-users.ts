import "server-only";
import bcrypt from "bcryptjs";
import { RECHECK_INTERVAL_SECONDS } from "@/lib/auth/options";
import { isRole, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { NewUser } from "@/lib/validations/admin-users";
import { isUniqueViolation, refusal, refuseUnlessAdmin, TRANSACTION_OPTIONS, type Refusal, type StaffActor } from "./staff-access";

/**
 * Accounts as admins manage them: list, create, reset a password, change a role, disable and
 * enable. Every function takes the acting user and checks they are an admin (as the database
 * has it now, lib/data/staff-access.ts); password hashes never leave this module.
 *
 * A disabled account cannot log in (lib/auth/credentials.ts), and its open sessions end at
 * their next re-check (lib/auth/options.ts, within five minutes). An admin cannot disable or
 * demote themselves, and the last active admin stays one: role changes and disabling run one at
 * a time (SQLite's single writer; a PostgreSQL advisory lock) and count the admins left before
 * they commit.
 */

/** Cost of the bcrypt hashes the site writes, as lib/auth/credentials.ts and the seed. */
const BCRYPT_COST = 10;
/** A bcrypt hash, as lib/auth/credentials.ts accepts one; "!" and the like mean no login. */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

export type AdminUserRow = {
  id: number;
  loginId: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** False for a byline-only account (no password set): it logs in once an admin sets one. */
  hasPassword: boolean;
  createdAt: Date;
};

/** Every account, oldest first. */
export async function listUsersForAdmin(actor: StaffActor): Promise<{ ok: true; users: AdminUserRow[] } | Refusal> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const users = await db.user.findMany({
    orderBy: { id: "asc" },
    select: { id: true, loginId: true, displayName: true, role: true, disabledAt: true, passwordHash: true, createdAt: true },
  });
  return {
    ok: true,
    users: users.map(({ passwordHash, disabledAt, role, ...user }) => ({
      ...user,
      role: isRole(role) ? role : "reporter",
      disabled: disabledAt !== null,
      hasPassword: BCRYPT_HASH.test(passwordHash),
    })),
  };
}

const USER_NOT_FOUND = "사용자를 찾을 수 없습니다.";
const LOGIN_ID_TAKEN = "이미 쓰고 있는 아이디입니다.";

export type CreateUserResult = { ok: true; userId: number; message: string } | Refusal<"loginId">;

/** A new account that logs in with this id and password. */
export async function createUser(actor: StaffActor, input: NewUser): Promise<CreateUserResult> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  if (await db.user.findUnique({ where: { loginId: input.loginId }, select: { id: true } })) {
    return refusal("conflict", LOGIN_ID_TAKEN, "loginId");
  }
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  try {
    const user = await db.user.create({
      data: { loginId: input.loginId, displayName: input.displayName, role: input.role, passwordHash },
      select: { id: true },
    });
    return { ok: true, userId: user.id, message: `${input.displayName}(${input.loginId}) 계정을 만들었습니다.` };
  } catch (error) {
    // Another admin took the id between the look and the insert.
    if (isUniqueViolation(error)) return refusal("conflict", LOGIN_ID_TAKEN, "loginId");
    throw error;
  }
}

export type AccountChangeResult<Field extends string = never> = { ok: true; changed: boolean; message: string } | Refusal<Field>;

/** An admin sets a new password for an account (its owner is told it by the admin). */
export async function resetUserPassword(actor: StaffActor, input: { userId: number; password: string }): Promise<AccountChangeResult> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  const { count } = await db.user.updateMany({ where: { id: input.userId }, data: { passwordHash } });
  if (count !== 1) return refusal("not-found", USER_NOT_FOUND);
  return { ok: true, changed: true, message: "새 비밀번호를 저장했습니다." };
}

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

class LastAdminError extends Error {}
const LAST_ADMIN_MESSAGE = "사용 중인 관리자가 한 명은 있어야 합니다.";

/**
 * Runs an account change one at a time and rolls it back when no active admin would be left.
 * SQLite runs one write transaction at a time; PostgreSQL takes a transaction-scoped advisory lock.
 */
async function changeAccountKeepingAnAdmin(change: (tx: Transaction) => Promise<boolean>): Promise<boolean | "last-admin"> {
  try {
    return await db.$transaction(async (tx) => {
      if (db.engine === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('admin-accounts', 0))`;
      const changed = await change(tx);
      if (changed && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) === 0) throw new LastAdminError();
      return changed;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof LastAdminError) return "last-admin";
    throw error;
  }
}

/** 권한 변경. An admin may not take their own admin role away. */
export async function changeUserRole(actor: StaffActor, input: { userId: number; role: Role }): Promise<AccountChangeResult<"role">> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  if (input.userId === actor.id && input.role !== "admin") {
    return refusal("invalid", "자기 권한은 낮출 수 없습니다. 다른 관리자에게 부탁해 주세요.", "role");
  }
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { role: true, displayName: true } });
  if (!user) return refusal("not-found", USER_NOT_FOUND);
  if (user.role === input.role) return { ok: true, changed: false, message: `이미 ${ROLE_LABELS[input.role]} 권한입니다.` };
  const outcome = await changeAccountKeepingAnAdmin(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: input.userId }, data: { role: input.role } });
    return count === 1;
  });
  if (outcome === "last-admin") return refusal("conflict", LAST_ADMIN_MESSAGE, "role");
  if (!outcome) return refusal("not-found", USER_NOT_FOUND);
  return { ok: true, changed: true, message: `${user.displayName}의 권한을 ${ROLE_LABELS[input.role]}(으)로 바꾸었습니다.` };
}

/** 사용 중지 / 다시 사용. An admin may not disable their own account. */
export async function setUserDisabled(
  actor: StaffActor,
  input: { userId: number; disabled: boolean },
  now: Date = new Date(),
): Promise<AccountChangeResult> {
  const refused = await refuseUnlessAdmin(actor);
  if (refused) return refused;
  if (input.userId === actor.id && input.disabled) return refusal("invalid", "자기 계정은 사용 중지할 수 없습니다.");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { displayName: true } });
  if (!user) return refusal("not-found", USER_NOT_FOUND);
  const outcome = await changeAccountKeepingAnAdmin(async (tx) => {
    // Only an account in the other state changes, so disabling twice keeps the first time.
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, disabledAt: input.disabled ? null : { not: null } },
      data: { disabledAt: input.disabled ? now : null },
    });
    return count === 1;
  });
  if (outcome === "last-admin") return refusal("conflict", LAST_ADMIN_MESSAGE);
  const message = input.disabled
    ? outcome
      ? `${user.displayName} 계정을 사용 중지했습니다. 열려 있던 로그인은 ${RECHECK_INTERVAL_SECONDS / 60}분 안에 끝납니다.`
      : "이미 사용 중지된 계정입니다."
    : outcome
      ? `${user.displayName} 계정을 다시 사용하게 했습니다.`
      : "이미 사용 중인 계정입니다.";
  return { ok: true, changed: outcome, message };
}
