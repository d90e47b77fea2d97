import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import type { StaffActor } from "@/lib/data/staff-access";

/**
 * The acting user of a dashboard action, from the session (never from the form). The data
 * function the action calls decides whether their role may do it; this only tells a visitor
 * whose session has ended to log in again.
 */
export async function signedInStaff(): Promise<StaffActor | null> {
  const user = await getSessionUser();
  return user ? { id: user.id, role: user.role } : null;
}

export const SESSION_ENDED_MESSAGE = "로그인이 끝났습니다. 다시 로그인해 주세요.";
