/** How dates and counts read on the site: Korean time, the original board's Y.m.d form. */

const TIME_ZONE = "Asia/Seoul";

const dateParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(dateParts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** 2020.09.14 */
export function formatDate(date: Date): string {
  const { year, month, day } = parts(date);
  return `${year}.${month}.${day}`;
}

/** 2020.09.14 10:23 */
export function formatDateTime(date: Date): string {
  const { year, month, day, hour, minute } = parts(date);
  return `${year}.${month}.${day} ${hour}:${minute}`;
}

/** 2020-09-14T10:23:00+09:00, for <time dateTime>. */
export function isoKoreanTime(date: Date): string {
  const { year, month, day, hour, minute } = parts(date);
  return `${year}-${month}-${day}T${hour}:${minute}:00+09:00`;
}

const countFormat = new Intl.NumberFormat("ko-KR");

/** 1,234 */
export function formatCount(value: number): string {
  return countFormat.format(value);
}
