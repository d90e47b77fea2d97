"use client";

/** Shown when a print view fails to render (the database is down, say); the reader can retry. */
export default function PrintError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="print-sheet text-center" role="alert">
      <h1 className="text-2xl font-bold">인쇄용 화면을 불러오지 못했습니다</h1>
      <p className="mt-3 text-gray-600">잠시 후 다시 시도해 주세요.</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          다시 시도
        </button>
        <a href="/" className="btn-secondary">
          첫 화면으로
        </a>
      </div>
    </main>
  );
}
