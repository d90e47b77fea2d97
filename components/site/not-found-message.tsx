import Link from "next/link";

export function NotFoundMessage() {
  return (
    <section className="py-10 text-center" aria-labelledby="not-found-title">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 id="not-found-title" className="mt-2 text-2xl font-bold">
        요청하신 페이지를 찾을 수 없습니다
      </h1>
      <p className="mt-3 text-gray-600">주소가 바뀌었거나 삭제된 글일 수 있습니다.</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        첫 화면으로
      </Link>
    </section>
  );
}
