/**
 * The calendar (往期, as Chronicling America does it), in plain HTML that
 * works with JavaScript off and on a phone: a year's page holds its months
 * as grids of days, each day with an issue a link shaded by how many
 * articles it has (a heatmap you can click); the calendar page holds the
 * years as rows of months, shaded the same way. Five shades, by the
 * quartiles of the whole archive, so a shade means the same on every page.
 */
import type { Archive, Month, Year } from './archive.js';

/** 0: no issue; 1–4: quartiles of the archive's issues by number of articles. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface CalendarDay {
  date: string;
  day: number;
  /** Articles that day (0: no issue). */
  count: number;
  /** The issue page, null when there is no issue that day. */
  route: string | null;
  level: HeatLevel;
}

export interface MonthGrid {
  year: number;
  month: number;
  /** The month's page. */
  route: string;
  count: number;
  issues: number;
  /** Monday-first weeks of the month; null pads the first and last week. */
  weeks: (CalendarDay | null)[][];
}

/** A month cell of the calendar page: null route when the month has no issue. */
export interface MonthCell {
  month: number;
  route: string | null;
  count: number;
  level: HeatLevel;
}

/** A shade per count: quartiles of `counts` (the non-zero ones). */
export function heatLevels(counts: Iterable<number>): (n: number) => HeatLevel {
  const sorted = [...counts].filter((n) => n > 0).sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? 0;
  const [a, b, c] = [q(0.25), q(0.5), q(0.75)];
  return (n) => (n <= 0 ? 0 : n <= a ? 1 : n <= b ? 2 : n <= c ? 3 : 4);
}

/** The shade of a day by its number of articles, over every issue of the archive. */
export function dayLevels(archive: Archive): (n: number) => HeatLevel {
  return heatLevels(archive.issues.map((i) => i.articles.length));
}

/** The shade of a month by its number of articles, over every month of the archive. */
export function monthLevels(archive: Archive): (n: number) => HeatLevel {
  return heatLevels(archive.years.flatMap((y) => y.months.map((m) => m.count)));
}

/** A month as a grid of weeks, each day with its issue's count and shade. */
export function monthGrid(month: Month, level: (n: number) => HeatLevel): MonthGrid {
  const { year, month: m } = month;
  const counts = new Map(month.issues.map((i) => [i.date!, { n: i.articles.length, route: i.route }]));
  const length = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const weeks: (CalendarDay | null)[][] = [];
  let week: (CalendarDay | null)[] = new Array<null>(weekday(year, m, 1)).fill(null);
  for (let d = 1; d <= length; d++) {
    const date = `${year}-${pad(m)}-${pad(d)}`;
    const issue = counts.get(date);
    week.push({ date, day: d, count: issue?.n ?? 0, route: issue?.route ?? null, level: level(issue?.n ?? 0) });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...new Array<null>(7 - week.length).fill(null)]);
  return { year, month: m, route: month.route, count: month.count, issues: month.issues.length, weeks };
}

/** Twelve cells for a year, January first. */
export function monthCells(year: Year, level: (n: number) => HeatLevel): MonthCell[] {
  const byMonth = new Map(year.months.map((m) => [m.month, m]));
  return Array.from({ length: 12 }, (_, i) => {
    const m = byMonth.get(i + 1);
    return { month: i + 1, route: m?.route ?? null, count: m?.count ?? 0, level: level(m?.count ?? 0) };
  });
}

/** 0 = Monday … 6 = Sunday. */
function weekday(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
