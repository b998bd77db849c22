/**
 * The calendar archive (往期回顾, as Chronicling America does it): years →
 * months → the days that have an issue, as month grids, and per year a
 * heatmap of articles per day drawn at build time as a static SVG, so the
 * shape of the archive shows at a glance with JavaScript off.
 */
import { issueRouteForDate } from './routes.js';
import type { Archive } from './archive.js';

export interface CalendarDay {
  date: string;
  day: number;
  /** Articles that day (0: no issue). */
  count: number;
  /** The issue page, null when there is no issue that day. */
  route: string | null;
}

export interface CalendarMonth {
  month: number;
  /** Articles in the month. */
  count: number;
  issues: number;
  /** Days with an issue, in order. */
  days: CalendarDay[];
  /** Monday-first weeks of the month; null pads the first and last week. */
  weeks: (CalendarDay | null)[][];
}

export interface CalendarYear {
  year: number;
  count: number;
  issues: number;
  /** Route of the year's heatmap SVG. */
  heatmap: string;
  /** Months that have at least one issue. */
  months: CalendarMonth[];
}

export function calendarYears(archive: Archive): CalendarYear[] {
  const counts = new Map<string, number>();
  for (const issue of archive.issues) counts.set(issue.date!, issue.articles.length);
  const years = new Map<number, CalendarYear>();
  for (const issue of archive.issues) {
    const [y, m] = issue.date!.split('-').map(Number) as [number, number];
    let year = years.get(y);
    if (!year) {
      year = { year: y, count: 0, issues: 0, heatmap: heatmapRoute(y), months: [] };
      years.set(y, year);
    }
    let month = year.months.at(-1);
    if (!month || month.month !== m) {
      month = monthGrid(y, m, counts);
      year.months.push(month);
    }
    year.count += issue.articles.length;
    year.issues++;
  }
  return [...years.values()];
}

export function heatmapRoute(year: number): string {
  return `/calendar/${year}.svg`;
}

function monthGrid(year: number, month: number, counts: Map<string, number>): CalendarMonth {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const all: CalendarDay[] = [];
  for (let d = 1; d <= length; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const count = counts.get(date) ?? 0;
    all.push({ date, day: d, count, route: counts.has(date) ? issueRouteForDate(date) : null });
  }
  const weeks: (CalendarDay | null)[][] = [];
  let week: (CalendarDay | null)[] = new Array<null>(weekday(year, month, 1)).fill(null);
  for (const day of all) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...new Array<null>(7 - week.length).fill(null)]);
  const days = all.filter((d) => d.route !== null);
  return { month, count: days.reduce((n, d) => n + d.count, 0), issues: days.length, days, weeks };
}

/** 0 = Monday … 6 = Sunday. */
function weekday(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const CELL = 13;
const GAP = 3;
const LEFT = 26;
const TOP = 20;

export interface HeatmapText {
  /** `2025-06-12：12 篇` — the tooltip of a day. */
  day: (date: string, count: number) => string;
  /** `6月` */
  month: (month: number) => string;
  weekdays: readonly string[];
  /** The accessible name of the whole picture. */
  title: string;
}

/**
 * A GitHub-style year heatmap: a column per week, a row per weekday, five
 * shades by articles per day (quartiles of the days that have an issue).
 * Its colours follow the reader's light or dark scheme.
 */
export function heatmapSvg(year: CalendarYear, text: HeatmapText): string {
  const counts = new Map<string, number>();
  for (const m of year.months) for (const d of m.days) counts.set(d.date, d.count);
  const sorted = [...counts.values()].sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? 0;
  const limits = [q(0.25), q(0.5), q(0.75)];
  const level = (n: number) => (n === 0 ? 0 : n <= limits[0]! ? 1 : n <= limits[1]! ? 2 : n <= limits[2]! ? 3 : 4);

  const first = weekday(year.year, 1, 1);
  const daysInYear = (Date.UTC(year.year + 1, 0, 1) - Date.UTC(year.year, 0, 1)) / 86_400_000;
  const columns = Math.ceil((first + daysInYear) / 7);
  const width = LEFT + columns * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t">`,
    `<title id="t">${xml(text.title)}</title>`,
    // The same shades as the legend of the calendar page (--heat-0 … --heat-4 in style.css).
    '<style>text{font:11px sans-serif;fill:#595959}.l0{fill:#e6e1d6}.l1{fill:#f2b8a8}.l2{fill:#de7a5f}.l3{fill:#b83a22}.l4{fill:#7a1508}' +
      '@media (prefers-color-scheme:dark){text{fill:#b0aca4}.l0{fill:#2a2a2a}.l1{fill:#6b2a20}.l2{fill:#a23a26}.l3{fill:#d9603f}.l4{fill:#ffa285}}</style>',
  ];
  for (const [row, label] of text.weekdays.entries()) {
    if (row % 2 === 0) out.push(`<text x="0" y="${TOP + row * (CELL + GAP) + CELL - 1}">${xml(label)}</text>`);
  }
  for (let m = 1; m <= 12; m++) {
    const col = Math.floor((first + dayOfYear(year.year, m, 1)) / 7);
    out.push(`<text x="${LEFT + col * (CELL + GAP)}" y="${TOP - 6}">${xml(text.month(m))}</text>`);
  }
  for (let i = 0; i < daysInYear; i++) {
    const d = new Date(Date.UTC(year.year, 0, 1 + i));
    const date = d.toISOString().slice(0, 10);
    const n = counts.get(date) ?? 0;
    const col = Math.floor((first + i) / 7);
    const row = (first + i) % 7;
    const x = LEFT + col * (CELL + GAP), y = TOP + row * (CELL + GAP);
    out.push(`<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" class="l${level(n)}"><title>${xml(text.day(date, n))}</title></rect>`);
  }
  out.push('</svg>\n');
  return out.join('\n');
}

function dayOfYear(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000;
}

export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
