"use client";

import Link from "next/link";

/** Shown when a public page fails to render (the database is down, say); a reader can retry. */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="py-10 text-center" role="alert">
      <h1 className="text-2xl font-bold">페이지를 불러오지 못했습니다</h1>
      <p className="mt-3 text-gray-600">잠시 후 다시 시도해 주세요. 문제가 계속되면 편집국에 알려 주세요.</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
          다시 시도
        </button>
        <Link href="/" className="rounded border border-gray-300 px-4 py-2 hover:bg-gray-50">
          첫 화면으로
        </Link>
      </div>
    </section>
  );
}
