"use server";

import { submittedForm } from "@/lib/actions/submitted-form";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { attemptLogin } from "@/lib/auth/credentials";
import { startSession } from "@/lib/auth/session";
import { LOGIN_FAILED_MESSAGE, LOGIN_ID_MAX, LoginSchema, loginThrottledMessage } from "@/lib/validations/login";
import { clientIp } from "@/lib/visitors/visitor-key";

export type LoginFormState = {
  /** Why the login failed; never says whether the id or the password was wrong. */
  message: string | null;
  /** Per-field problems with what was typed (empty, too long). */
  errors: { loginId?: string[]; password?: string[] };
  /** The login id as typed, so the form shows it again (the password is never sent back). */
  loginId: string;
};

/**
 * The login form's action. Works with and without JavaScript: the form posts here either way
 * (Next.js checks the request's Origin against the host, so other sites cannot post it).
 * On success it sets the session cookie next-auth reads and redirects to the page the reader
 * came from (a same-site path only); otherwise it returns what to show, keeping the typed id.
 * Too many failures (lib/data/login-throttle.ts) say how long to wait. The page still answers
 * 200 then: a server action has no way to set the response status (next-auth's endpoint,
 * app/api/auth/[...nextauth]/route.ts, answers 429).
 */
export async function loginAction(_previous: LoginFormState, formData: FormData): Promise<LoginFormState> {
  formData = submittedForm(formData);
  const typedId = formData.get("loginId");
  const loginId = typeof typedId === "string" ? typedId.slice(0, LOGIN_ID_MAX * 2) : "";
  const input = LoginSchema.safeParse({ loginId: formData.get("loginId"), password: formData.get("password") });
  if (!input.success) {
    return { message: null, errors: z.flattenError(input.error).fieldErrors, loginId };
  }
  const result = await attemptLogin({ ...input.data, clientIp: clientIp(await headers()) });
  if (result.status === "throttled") return { message: loginThrottledMessage(result.retryAfterSeconds), errors: {}, loginId };
  if (result.status === "wrong") return { message: LOGIN_FAILED_MESSAGE, errors: {}, loginId };
  await startSession(result.user);
  redirect(safeCallbackPath(formData.get("callbackUrl")));
}
