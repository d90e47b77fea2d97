import { z } from "zod";

/** The login form: shared by the form's fields (maxLength) and the login action. */
export const LOGIN_ID_MAX = 50;
export const PASSWORD_MAX = 200;

export const LoginSchema = z.object({
  loginId: z
    .string({ error: "아이디를 입력해 주세요." })
    .trim()
    .min(1, { error: "아이디를 입력해 주세요." })
    .max(LOGIN_ID_MAX, { error: `아이디는 ${LOGIN_ID_MAX}자 이하입니다.` }),
  // Passwords are taken as typed: no trimming.
  password: z
    .string({ error: "비밀번호를 입력해 주세요." })
    .min(1, { error: "비밀번호를 입력해 주세요." })
    .max(PASSWORD_MAX, { error: `비밀번호는 ${PASSWORD_MAX}자 이하입니다.` }),
});

export type LoginInput = z.infer<typeof LoginSchema>;

/** The one answer to a failed login: it never says whether the id or the password was wrong. */
export const LOGIN_FAILED_MESSAGE = "아이디 또는 비밀번호가 맞지 않습니다.";

/** Too many failed logins for the account or from this address; says how long to wait (whole minutes). */
export function loginThrottledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `로그인 시도가 너무 많습니다. ${minutes}분 후에 다시 시도해 주세요.`;
}
