import type { DailyViews } from "@/lib/data/view-stats";
import { formatCount } from "@/lib/format";
import { countAxis, formatAxisCount, koreanWeekday, shortDay } from "@/lib/views/chart-axis";

type ViewsChartProps = {
  days: DailyViews[];
  /** What the chart counts, for its accessible name and its table: "내 기사 최근 30일 조회 수". */
  label: string;
  /** The last day is today, still being counted (drawn lighter, said in its tooltip). */
  lastDayIsToday?: boolean;
};

/** Width of one day in the SVG's own units; the height is 100 units, the axis top. */
const SLOT = 10;
const BAR = 7;
const HEIGHT = 100;

/**
 * Views per day as a bar chart, drawn on the server: no chart library, no JavaScript.
 *
 * The bars and gridlines are an SVG stretched to the width of its box (viewBox with
 * preserveAspectRatio="none", strokes that do not scale), so it fills 900 px and a phone alike;
 * the axis labels are HTML laid over it by percentage, so their text stays the page's size at
 * any width instead of shrinking with the drawing. Each day has a <title> tooltip (hover
 * anywhere in its column), and the numbers are in a table under the chart for screen readers
 * and anyone who wants them exact.
 */
export function ViewsChart({ days, label, lastDayIsToday = true }: ViewsChartProps) {
  const total = days.reduce((sum, day) => sum + day.views, 0);
  const busiest = days.reduce<DailyViews | null>((best, day) => (day.views > (best?.views ?? 0) ? day : best), null);
  const axis = countAxis(busiest?.views ?? 0);
  const width = days.length * SLOT;
  // Rounded to 0.01 of a unit: finer than any screen shows, and tidy markup.
  const heightOf = (views: number) => Math.round((views / axis.top) * HEIGHT * 100) / 100;
  const isToday = (index: number) => lastDayIsToday && index === days.length - 1;
  const dayText = (day: string, index: number) => `${shortDay(day)} (${koreanWeekday(day)}${isToday(index) ? ", 오늘" : ""})`;
  const summary =
    busiest === null
      ? `${label}: 조회 기록이 없습니다.`
      : `${label}: 합계 ${formatCount(total)}회, 가장 많은 날 ${shortDay(busiest.day)} ${formatCount(busiest.views)}회. 날짜별 숫자는 아래 표에 있습니다.`;

  return (
    <figure className="pt-2">
      <div className="grid grid-cols-[2.75rem_1fr] gap-x-2">
        <div aria-hidden="true" className="relative h-48 text-right text-xs tabular-nums text-gray-500 sm:h-60">
          {axis.ticks.map((tick) => (
            <span key={tick} className="absolute right-0 -translate-y-1/2 leading-none" style={{ top: `${100 - heightOf(tick)}%` }}>
              {formatAxisCount(tick)}
            </span>
          ))}
        </div>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summary}
          className="block h-48 w-full overflow-visible sm:h-60"
        >
          {axis.ticks.map((tick) => (
            <line
              key={tick}
              x1={0}
              x2={width}
              y1={HEIGHT - heightOf(tick)}
              y2={HEIGHT - heightOf(tick)}
              vectorEffect="non-scaling-stroke"
              className={tick === 0 ? "stroke-gray-400" : "stroke-gray-200"}
              strokeWidth={1}
              strokeDasharray={tick === 0 ? undefined : "3 3"}
            />
          ))}
          {days.map((day, index) => {
            // A day with a few views still shows a sliver; a day with none shows nothing.
            const barHeight = day.views > 0 ? Math.max(heightOf(day.views), 0.8) : 0;
            return (
              <g key={day.day}>
                <title>{`${dayText(day.day, index)} 조회 ${formatCount(day.views)}회${isToday(index) ? " · 집계 중" : ""}`}</title>
                <rect x={index * SLOT} y={0} width={SLOT} height={HEIGHT} fill="transparent" />
                {barHeight > 0 && (
                  <rect
                    x={index * SLOT + (SLOT - BAR) / 2}
                    y={HEIGHT - barHeight}
                    width={BAR}
                    height={barHeight}
                    className={isToday(index) ? "fill-brand-600/45" : "fill-brand-600"}
                  />
                )}
              </g>
            );
          })}
        </svg>
        <div aria-hidden="true" className="col-start-2 relative mt-1.5 h-5 text-xs tabular-nums text-gray-600">
          {days.map((day, index) => {
            // Every third day from today back on wide screens, every sixth on phones.
            const fromEnd = days.length - 1 - index;
            if (fromEnd % 3 !== 0) return null;
            return (
              <span
                key={day.day}
                className={`absolute -translate-x-1/2 whitespace-nowrap ${fromEnd % 6 === 0 ? "" : "hidden sm:inline"} ${isToday(index) ? "font-semibold text-gray-800" : ""}`}
                style={{ left: `${Math.round(((index + 0.5) / days.length) * 10_000) / 100}%` }}
              >
                {shortDay(day.day)}
              </span>
            );
          })}
        </div>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-gray-600 underline-offset-2 hover:text-brand-700 hover:underline">날짜별 조회 수 표로 보기</summary>
        <table className="mt-2 w-full max-w-xs border-collapse text-sm">
          <caption className="sr-only">{label} (날짜별)</caption>
          <thead>
            <tr className="border-b border-gray-300 text-gray-600">
              <th scope="col" className="py-1 text-left font-semibold">
                날짜
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                조회 수
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr key={day.day} className="border-b border-gray-100">
                <th scope="row" className="py-1 text-left font-normal text-gray-700">
                  <time dateTime={day.day}>{dayText(day.day, index)}</time>
                </th>
                <td className="py-1 text-right tabular-nums">{formatCount(day.views)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-1 text-left">
                합계
              </th>
              <td className="py-1 text-right tabular-nums">{formatCount(total)}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
