// Synthetic archives of any size, remixed from the real corpora with a
// fixed seed: consecutive issue days going forward, in the three layouts
// an archive is made of (FORMAT.md §1–4, corpus README):
//
// - newspaper pages `YYYY-MM-DD/NN-名称.md`: several articles per file,
//   kickers, subtitles (`——…`), column boxes (`## ■…` + `###` articles),
//   a lead article whose body follows its box, captions with credit lines
//   (own line or same line), page-break joins, soft-wrapped lines,
//   subheadings, continuations `（下转第N版）` / `（上接第1版）`, datelines,
//   standalone bylines and sources, a digest, the editor line;
// - exports `YYYYMMDD/YYYYMMDD-PP-NN.txt`: one article per file, CRLF, a
//   three-line title block, `　　`-indented paragraphs, picture and
//   advertisement files (the people-daily layout);
// - broadcast transcripts `YYYYMMDD.md` (the cctv-news layout): digest,
//   `###` articles, the 央视网消息 formula, a bundle of bold-titled items,
//   `[查看原文](…)` links.
//
// Each day draws from its own generator seeded by (seed, date), and the
// layout of a month from (seed, month): a day is the same bytes whatever
// the archive's size, and the day after an archive's last one can be made
// on its own (the benchmark's "one day added").
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from './random.js';
import { addDays, articleBody, captionText, COLUMNS, compact, MARKERS, name, names, PAGE_NAMES, wrap } from './article-text.js';

export { addDays };

/** Bumped whenever the output for a given seed changes. */
export const SYNTH_VERSION = 1;

export const DEFAULT_START = '1950-01-01';

/** The layout of the days of a month: newspaper pages, an e-paper export or broadcast transcripts. */
export function dayStyle(seed, date) {
  return random(seed, 'month', date.slice(0, 7)).weighted({ paper: 55, export: 30, transcript: 15 });
}

// ---- newspaper pages (YYYY-MM-DD/NN-名称.md) ------------------------------

function paperDay(rng, pool, date, budget) {
  const pageCount = rng.int(4, 12);
  // A day that may be cut short (the archive's last) has no continuation, lest a part lose its other half.
  const jump = budget >= 12 * 10 && rng.chance(0.6) ? rng.int(2, pageCount) : 0;
  const jumpHeadline = rng.pick(pool.headlines);
  const files = [];
  let articles = 0;
  for (let page = 1; page <= pageCount && articles < budget; page++) {
    const pageName = page === 1 ? '要闻' : rng.pick(PAGE_NAMES);
    const width = rng.chance(0.2) ? rng.int(34, 40) : 0;
    const indent = rng.chance(0.3) ? '　　' : '';
    const out = [];
    const headlines = [];
    // Body blocks, indented and hard-wrapped as the page's export has them.
    const body = () => {
      for (const b of articleBody(rng, pool, date, { paragraphs: rng.int(3, 9) })) out.push(indent + (width ? wrap(b, width) : b));
    };
    const headline = (level, withKicker, h = rng.pick(pool.headlines)) => {
      headlines.push(h);
      articles++;
      const heading = `${'#'.repeat(level)} ${h}`;
      const kicker = withKicker && rng.chance(0.25) ? rng.pick(pool.kickers) : null;
      // A kicker directly above the headline, with or without a blank line between.
      if (kicker && rng.chance(0.5)) out.push(`${kicker}\n${heading}`);
      else out.push(...(kicker ? [kicker] : []), heading);
      if (withKicker && rng.chance(0.2)) out.push(`——${rng.pick(pool.subtitles)}`);
    };

    if (page === jump) {
      // The later part of a continued article: a shortened headline (转版标题) and 上接.
      out.push(`## ${jumpHeadline.split(/[ ——：]/)[0].slice(0, 12) || jumpHeadline}`, '（上接第1版）');
      body();
    }
    const perPage = rng.int(2, 6);
    const boxAt = rng.chance(0.35) ? rng.int(0, perPage - 1) : -1;
    for (let n = 0; n < perPage && articles < budget; n++) {
      if (n === boxAt && page === 1 && rng.chance(0.5) && articles + 2 <= budget) {
        // The lead article whose body comes after a column box, past a gap of three blank lines (the seed page).
        headline(1, false);
        out.push(`## ${rng.pick(MARKERS)}${rng.pick(COLUMNS)}`);
        headline(3, false);
        body();
        out.push('');
        body();
      } else if (n === boxAt) {
        out.push(`## ${rng.chance(0.25) ? `【${rng.pick(COLUMNS)}】` : rng.pick(MARKERS) + rng.pick(COLUMNS)}`);
        for (let k = rng.int(1, 3); k > 0 && articles < budget; k--) {
          headline(3, false);
          body();
        }
        if (rng.chance(0.4)) out.push(''); // the box ends at a gap of three blank lines
      } else {
        headline(2, true);
        body();
      }
    }
    if (page === 1 && jump) {
      // The first part of the continued article ends the front page.
      headline(2, false, jumpHeadline);
      body();
      out.push(`（下转第${jump}版）`);
    }
    if (page === 1 && rng.chance(0.15)) out.push('## 本版导读', headlines.map((h, i) => `${i + 1}. ${h}`).join('\n'));
    const editor = rng.int(0, 9);
    if (editor < 6) out.push(`（本版编辑：${names(rng, 2).join(' ')}）`);
    else if (editor < 8) out.push(`责任编辑：${name(rng)}`);
    files.push({ path: `${date}/${String(page).padStart(2, '0')}-${pageName}.md`, text: `${out.join('\n\n')}\n` });
  }
  return { files, articles };
}

// ---- exports (YYYYMMDD/YYYYMMDD-PP-NN.txt) --------------------------------

function exportDay(rng, pool, date, budget) {
  const text = pool.paragraphs.people;
  const day = compact(date);
  const files = [];
  let articles = 0;
  const pageCount = rng.int(6, 16);
  for (let page = 1; page <= pageCount && articles < budget; page++) {
    const perPage = rng.int(2, 7);
    for (let n = 1; n <= perPage && articles < budget; n++) {
      const kind = rng.int(0, 99);
      let lines;
      if (kind < 2) lines = ['', '广告', ''];
      else if (kind < 8) {
        // A picture: a headline and one caption, then its credit.
        lines = ['', rng.chance(0.5) ? '图片报道' : rng.pick(pool.headlines), '', `　　${captionText(rng, text, date)}`, `　　${rng.chance(0.5) ? '本报' : '新华社'}记者  ${name(rng)}摄`];
      } else {
        const title = [rng.chance(0.3) ? rng.pick(pool.kickers) : '', rng.pick(pool.headlines), rng.chance(0.25) ? rng.pick(pool.subtitles) : ''];
        const blocks = articleBody(rng, pool, date, { paragraphs: rng.int(3, 12), spaced: true, allowBreaks: false })
          // The export has no bold and no page-break splits: subheadings are plain lines.
          .map((b) => b.replace(/^\*\*(.*)\*\*$/, '$1').replace(/^(.+。) ((?:新华社|本报)记者 .+ 摄)$/, '$1\n$2'))
          .flatMap((b) => b.split('\n'));
        lines = [...title, ...blocks.map((b) => `　　${b}`)];
      }
      articles++;
      files.push({ path: `${day}/${day}-${String(page).padStart(2, '0')}-${String(n).padStart(2, '0')}.txt`, text: `${lines.join('\r\n')}\r\n` });
    }
  }
  return { files, articles };
}

// ---- broadcast transcripts (YYYYMMDD.md) ----------------------------------

function transcriptDay(rng, pool, date, budget) {
  const text = pool.paragraphs.cctv;
  const day = compact(date);
  const link = () => `[查看原文](https://tv.example.cn/${date.replaceAll('-', '/')}/VIDE${Array.from({ length: 16 }, () => rng.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789'])).join('')}.shtml)`;
  const count = Math.min(budget, rng.int(10, 20));
  const bundleAt = count >= 4 ? rng.int(count - 3, count - 1) : -1;
  const headlines = Array.from({ length: count }, (_, i) => (i === bundleAt ? (rng.chance(0.5) ? '国内联播快讯' : '国际联播快讯') : rng.pick(pool.headlines)));
  const out = [`# 《新闻联播》（${day}）`, '## 新闻摘要', '本期节目主要内容：', ...headlines.map((h, i) => `${i + 1}.${h}；`), `（《新闻联播》 ${day} 19:00）`, link(), '## 详细新闻'];
  headlines.forEach((h, i) => {
    out.push(`### ${h}`);
    if (i === bundleAt) {
      // Short items, each introduced by a bold line: subheadings of one article.
      out.push('**央视网消息**（新闻联播）：');
      for (let k = rng.int(2, 4); k > 0; k--) out.push(`**${rng.pick(pool.subheadings)}**`, rng.pick(text));
    } else {
      const paragraphs = Array.from({ length: rng.int(2, 8) }, () => rng.pick(text));
      out.push(`**央视网消息**（新闻联播）：${paragraphs[0]}`, ...paragraphs.slice(1));
    }
    out.push(link());
  });
  return { files: [{ path: `${day}.md`, text: `${out.join('\n\n')}\n` }], articles: count };
}

const DAYS = { paper: paperDay, export: exportDay, transcript: transcriptDay };

// ---- archives -------------------------------------------------------------

/**
 * One issue day: its files (paths relative to the archive root) and how
 * many articles they hold (a continued article counts once). `budget`
 * caps the articles (the last day of an archive of an exact size).
 */
export function synthDay(pool, { seed, date, style = dayStyle(seed, date), budget = Infinity }) {
  return DAYS[style](random(seed, 'day', date), pool, date, budget);
}

/**
 * Writes an archive of `articles` articles under `dir`, day after day from
 * `start`, one day in memory at a time. Returns what it wrote.
 */
export function writeArchive(pool, { dir, seed, articles, start = DEFAULT_START, onDay }) {
  const made = { articles: 0, files: 0, bytes: 0, days: 0, firstDate: start, lastDate: null };
  for (let date = start; made.articles < articles; date = addDays(date, 1)) {
    const day = synthDay(pool, { seed, date, budget: articles - made.articles });
    writeDay(dir, day.files);
    made.articles += day.articles;
    made.files += day.files.length;
    made.bytes += day.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    made.days++;
    made.lastDate = date;
    onDay?.(made);
  }
  return made;
}

/** Writes a day's files under `dir`. */
export function writeDay(dir, files) {
  const folders = new Set(files.map((f) => path.dirname(path.join(dir, f.path))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileSync(path.join(dir, f.path), f.text);
}
