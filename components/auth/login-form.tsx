"use client";

import { useActionState } from "react";
import { loginAction, type LoginFormState } from "@/app/(auth)/login/login-action";
import { LOGIN_ID_MAX, PASSWORD_MAX } from "@/lib/validations/login";

const inputClass =
  "mt-1.5 block w-full rounded border border-gray-300 px-3 py-2.5 text-[15px] focus:border-brand-600 focus:outline-none focus-visible:outline-2 aria-[invalid=true]:border-notice";

/**
 * The login form. Its action is a server action, so it posts and works without JavaScript;
 * with it, the page is not reloaded and the button says it is busy.
 */
export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage: string | null }) {
  const initial: LoginFormState = { message: initialMessage, errors: {}, loginId: "" };
  const [state, formAction, pending] = useActionState(loginAction, initial);
  const idError = state.errors.loginId?.[0];
  const passwordError = state.errors.password?.[0];
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message && (
        <p id="login-error" role="alert" className="rounded border border-orange-200 bg-orange-50 px-3 py-2.5 text-sm font-semibold text-notice">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="login-id" className="block text-sm font-semibold text-gray-800">
          아이디
        </label>
        <input
          id="login-id"
          name="loginId"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={LOGIN_ID_MAX}
          defaultValue={state.loginId}
          autoFocus={!state.loginId}
          aria-invalid={idError || state.message ? true : undefined}
          aria-describedby={idError ? "login-id-error" : state.message ? "login-error" : undefined}
          className={inputClass}
        />
        {idError && (
          <p id="login-id-error" className="mt-1 text-sm text-notice">
            {idError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="login-password" className="block text-sm font-semibold text-gray-800">
          비밀번호
        </label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX}
          autoFocus={Boolean(state.loginId)}
          aria-invalid={passwordError || state.message ? true : undefined}
          aria-describedby={passwordError ? "login-password-error" : state.message ? "login-error" : undefined}
          className={inputClass}
        />
        {passwordError && (
          <p id="login-password-error" className="mt-1 text-sm text-notice">
            {passwordError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2.5 text-[15px] font-bold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? "로그인 중…" : "로그인"}
      </button>
    </form>
  );
}
