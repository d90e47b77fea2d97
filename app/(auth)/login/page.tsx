import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { LogoutButton } from "@/components/auth/logout-button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { LOGIN_FAILED_MESSAGE } from "@/lib/validations/login";

export const metadata: Metadata = { title: "로그인", robots: { index: false } };

type LoginSearchParams = { callbackUrl?: string | string[]; error?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** next-auth sends errors of its own endpoints here (?error=…); say them in Korean. */
function messageForError(error: string | undefined): string | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return LOGIN_FAILED_MESSAGE;
  if (error === "SessionRequired") return "로그인이 필요한 페이지입니다.";
  return "로그인하지 못했습니다. 잠시 후 다시 시도해 주세요.";
}

/**
 * 로그인. `callbackUrl` says where to go afterwards; only a path on this site is honoured
 * (anything else leads to the front page).
 */
export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginSearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const user = await getSessionUser();

  return (
    <section aria-labelledby="login-title" className="rounded-lg border border-gray-200 bg-white px-6 py-8 shadow-sm sm:px-8">
      <h1 id="login-title" className="text-xl font-bold text-gray-900">
        로그인
      </h1>
      {user ? (
        <div className="mt-4 space-y-5">
          <p className="text-[15px] text-gray-700">
            <strong className="font-semibold text-gray-900">{user.displayName}</strong>
            <span className="text-gray-500"> ({ROLE_LABELS[user.role]})</span> 계정으로 로그인되어 있습니다.
          </p>
          <div className="flex items-center gap-3">
            <Link href={callbackUrl} className="flex-1 rounded bg-brand-700 px-4 py-2.5 text-center text-[15px] font-bold text-white hover:bg-brand-800">
              계속하기
            </Link>
            <LogoutButton className="cursor-pointer rounded border border-gray-300 px-4 py-2.5 text-[15px] hover:bg-gray-50" />
          </div>
        </div>
      ) : (
        <>
          <p className="mt-1.5 text-sm text-gray-600">편집국 계정의 아이디와 비밀번호를 입력해 주세요.</p>
          <div className="mt-6">
            <LoginForm callbackUrl={callbackUrl} initialMessage={messageForError(first(params.error))} />
          </div>
        </>
      )}
      <p className="mt-8 border-t border-gray-100 pt-4 text-center text-sm">
        <Link href={callbackUrl} className="text-gray-600 hover:text-brand-700 hover:underline">
          ← 읽던 페이지로 돌아가기
        </Link>
      </p>
    </section>
  );
}
