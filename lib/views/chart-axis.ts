/**
 * The arithmetic and words of the dashboard's views chart (components/dashboard/views-chart.tsx):
 * a count axis with round gridlines, and Korean day labels. Pure, for unit tests.
 */

export type CountAxis = {
  /** The value at the top of the chart: a whole number of steps, at least the largest value. */
  top: number;
  step: number;
  /** 0, step, 2·step … top. */
  ticks: number[];
};

/**
 * An axis from 0 to a round number at or above `max`, in about `tickCount` steps of 1, 2 or 5
 * times a power of ten (never below 1: views are whole). Small counts (and no data) get 0…tickCount in ones.
 */
export function countAxis(max: number, tickCount = 4): CountAxis {
  const highest = Number.isFinite(max) && max > 0 ? max : 0;
  let step = 1;
  if (highest > tickCount) {
    const rough = highest / tickCount;
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    step = [1, 2, 5, 10].map((multiple) => multiple * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  }
  const top = highest <= tickCount ? tickCount : Math.ceil(highest / step) * step;
  return { top, step, ticks: Array.from({ length: top / step + 1 }, (_, index) => index * step) };
}

/** "2026-11-29" → "11.29" */
export function shortDay(day: string): string {
  return `${day.slice(5, 7)}.${day.slice(8, 10)}`;
}

const WEEKDAYS = ["일", "월", "화", "수", "목", "금", "토"];

/** "2026-11-29" → "일" (the calendar day's weekday; the string already is a Korean day). */
export function koreanWeekday(day: string): string {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
}

const compactCount = new Intl.NumberFormat("ko-KR", { notation: "compact", maximumFractionDigits: 1 });

/** Axis labels: 950, 1.5천, 2만. */
export function formatAxisCount(value: number): string {
  return compactCount.format(value);
}
