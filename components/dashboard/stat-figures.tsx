import Link from "next/link";
import { formatCount } from "@/lib/format";

export type StatFigure = { label: string; value: number; href?: string };

/** A row of headline numbers (게시됨 12 · 임시저장 3 · 최근 30일 조회 4,210), each optionally a link to its list. */
export function StatFigures({ figures }: { figures: StatFigure[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures.map((figure) => {
        const value = <span className="text-2xl font-bold tabular-nums text-gray-900">{formatCount(figure.value)}</span>;
        return (
          <div key={figure.label} className="flex flex-col-reverse rounded border border-gray-200 bg-white px-4 py-3">
            <dt className="text-sm text-gray-600">{figure.label}</dt>
            <dd>
              {figure.href ? (
                <Link href={figure.href} className="hover:underline" aria-label={`${figure.label} 목록 보기 (${formatCount(figure.value)})`}>
                  {value}
                </Link>
              ) : (
                value
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
