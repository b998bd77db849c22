/**
 * Browsing by time: a page per year (its months as calendars of shaded,
 * linked days, and a jump to any month), a page per month (its calendar
 * and its issues with their first headlines), and the calendar page (every
 * year as a row of months). Each stays short at any archive size: a year
 * page has at most 366 days, the calendar a row per year.
 */
import type { Month, Year } from './archive.js';
import { dayLevels, monthCells, monthGrid, monthLevels } from './calendar.js';
import { dataRoute } from './export.js';
import { crumbsTo, meta, page, summary } from './pages.js';
import type { PageContext } from './pages.js';
import type { Output } from '../types.js';

/** Headlines of each issue on a month's page. */
const MONTH_HEADLINES = 3;

export async function* timePages(ctx: PageContext): AsyncGenerator<Output> {
  const { archive } = ctx;
  const days = dayLevels(archive);
  const months: Month[] = archive.years.flatMap((y) => y.months);
  const link = (y: Year | undefined) => y && { year: y.year, route: y.route };
  for (const [i, year] of archive.years.entries()) {
    yield await page(ctx, 'year', year.route, {
      crumbs: crumbsTo(null),
      year: { year: year.year, route: year.route, count: year.count, issues: year.issueCount },
      cells: monthCells(year, () => 0),
      grids: year.months.map((m) => monthGrid(m, days)),
      prev: link(archive.years[i - 1]) ?? null,
      next: link(archive.years[i + 1]) ?? null,
    }, meta(ctx, year.route, 'calendar'));
  }
  for (const [i, month] of months.entries()) {
    const monthLink = (m: Month | undefined) => (m ? { year: m.year, month: m.month, route: m.route } : null);
    yield await page(ctx, 'month', month.route, {
      crumbs: crumbsTo(month.issues[0]!, null, 'year'),
      month: { year: month.year, month: month.month, route: month.route, count: month.count, issues: month.issues.length },
      grid: monthGrid(month, days),
      issues: month.issues.map((issue) => ({
        route: issue.route,
        date: issue.date,
        count: issue.articles.length,
        headlines: issue.articles.slice(0, MONTH_HEADLINES).map((r) => summary(ctx, r)),
      })),
      data: dataRoute(month.issues[0]!),
      prev: monthLink(months[i - 1]),
      next: monthLink(months[i + 1]),
    }, meta(ctx, month.route, 'calendar'));
  }
  const level = monthLevels(archive);
  yield await page(ctx, 'calendar', '/calendar/', {
    years: [...archive.years].reverse().map((y) => ({ year: y.year, route: y.route, count: y.count, issues: y.issueCount, cells: monthCells(y, level) })),
    undated: archive.undated && { route: archive.undated.route, count: archive.undated.articles.length },
  }, meta(ctx, '/calendar/', 'calendar'));
}
