import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { BAD_REQUEST_MESSAGE, idField, lineField } from "./dashboard-form";
import { PASSWORD_MAX } from "./login";

/**
 * Accounts (사용자 관리, admins only): the one schema, shared by the forms and the server
 * actions; create, password reset, role change and disabling are variants picked from it.
 */
export const LOGIN_ID_PATTERN = /^[a-z][a-z0-9_]{2,19}$/;
export const LOGIN_ID_RULE = "영문 소문자로 시작하는 3~20자의 영문 소문자, 숫자, 밑줄(_)";
export const DISPLAY_NAME_MAX = 30;
export const ACCOUNT_PASSWORD_MIN = 10;

// Passwords are taken exactly as typed: no trimming, no normalization (as the login form).
const password = z
  .string({ error: "비밀번호를 입력해 주세요." })
  .min(1, { error: "비밀번호를 입력해 주세요.", abort: true })
  .min(ACCOUNT_PASSWORD_MIN, { error: `비밀번호는 ${ACCOUNT_PASSWORD_MIN}자 이상이어야 합니다.`, abort: true })
  .max(PASSWORD_MAX, { error: `비밀번호는 ${PASSWORD_MAX}자까지 쓸 수 있습니다.` });

export const UserSchema = z.object({
  userId: idField,
  loginId: z
    .string({ error: "아이디를 입력해 주세요." })
    .trim()
    .min(1, { error: "아이디를 입력해 주세요.", abort: true })
    .regex(LOGIN_ID_PATTERN, { error: `아이디는 ${LOGIN_ID_RULE}로 지어 주세요.` }),
  displayName: lineField(DISPLAY_NAME_MAX, {
    empty: "이름을 입력해 주세요.",
    tooLong: `이름은 ${DISPLAY_NAME_MAX}자까지 쓸 수 있습니다.`,
  }),
  role: z.enum(ROLES, { error: "권한을 골라 주세요." }),
  password,
  /** 사용 중지 or 다시 사용. */
  operation: z.enum(["disable", "enable"], { error: BAD_REQUEST_MESSAGE }),
});

const notTheLoginId = (value: { loginId: string; password: string }) => value.password !== value.loginId;

export const CreateUserSchema = UserSchema.pick({ loginId: true, displayName: true, role: true, password: true }).refine(notTheLoginId, {
  error: "아이디를 비밀번호로 쓸 수 없습니다.",
  path: ["password"],
});
export const ResetPasswordSchema = UserSchema.pick({ userId: true, password: true });
export const ChangeRoleSchema = UserSchema.pick({ userId: true, role: true });
export const SetUserDisabledSchema = UserSchema.pick({ userId: true, operation: true });

export const CREATE_USER_FIELDS = ["loginId", "displayName", "role", "password"] as const;
export const RESET_PASSWORD_FIELDS = ["userId", "password"] as const;
export const CHANGE_ROLE_FIELDS = ["userId", "role"] as const;
export const SET_DISABLED_FIELDS = ["userId", "operation"] as const;

export type CreateUserField = (typeof CREATE_USER_FIELDS)[number];
export type ResetPasswordField = (typeof RESET_PASSWORD_FIELDS)[number];
export type ChangeRoleField = (typeof CHANGE_ROLE_FIELDS)[number];
export type SetUserDisabledField = (typeof SET_DISABLED_FIELDS)[number];

export type NewUser = z.infer<typeof CreateUserSchema>;
