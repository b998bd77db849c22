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

/** Bumped whenever the output for a given seed changes. */
export const SYNTH_VERSION = 1;

export const DEFAULT_START = '1950-01-01';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉建国立新文斌宇浩凯晨欣怡思远婧航雪梅琳海波亮峰雨晴佳宁博然'];
const PLACES = ['北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京', '武汉', '成都', '西安', '长沙', '郑州', '济南', '沈阳', '哈尔滨', '昆明', '南宁', '福州', '合肥', '兰州', '乌鲁木齐', '拉萨', '呼和浩特', '银川', '西宁', '贵阳', '太原', '石家庄', '南昌', '海口', '长春'];
const ABROAD = ['莫斯科', '华盛顿', '纽约', '伦敦', '巴黎', '柏林', '东京', '首尔', '开罗', '内罗毕', '新德里', '曼谷', '雅加达', '河内', '日内瓦', '布鲁塞尔', '维也纳', '悉尼', '巴西利亚', '联合国'];
const PAGE_NAMES = ['要闻', '要闻', '综合', '经济', '政治', '社会', '文化', '国际', '评论', '理论', '科技', '体育', '视点', '地方', '副刊', '读者来信'];
const COLUMNS = ['发布厅', '民生速递', '科技前沿', '百姓生活', '新闻眼', '一线调研', '经济观察', '国际视点', '文化广角', '今日谈', '基层传真', '法治在线'];
const MARKERS = ['■', '■', '◆', '●', '★', '▶'];
const NUMERALS = [...'一二三四五六七八九十'];

// ---- dates ----------------------------------------------------------------

const DAY = 86_400_000;
const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
const toIso = (d) => d.toISOString().slice(0, 10);
export const addDays = (iso, n) => toIso(new Date(toDate(iso).getTime() + n * DAY));
const compact = (iso) => iso.replaceAll('-', '');
/** `6月11日` for an ISO date. */
const monthDay = (iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The layout of the days of a month: newspaper pages, an e-paper export or broadcast transcripts. */
export function dayStyle(seed, date) {
  return random(seed, 'month', date.slice(0, 7)).weighted({ paper: 55, export: 30, transcript: 15 });
}

// ---- text -----------------------------------------------------------------

const name = (rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
const names = (rng, n) => Array.from({ length: n }, () => name(rng));

/** A dateline formula and its separator (FORMAT.md §4), for an article of `date`. */
function dateline(rng, date, spaced) {
  const when = monthDay(addDays(date, rng.chance(0.7) ? -1 : 0));
  const gap = spaced ? '  ' : '';
  const reporters = (n) => names(rng, n).join(spaced ? '、' : ' ');
  switch (rng.int(0, 5)) {
    case 0:
      return `本报讯（记者 ${reporters(rng.int(1, 2))}）`;
    case 1:
      return `本报讯 ${when}，`;
    case 2:
      return `本报${rng.pick(PLACES)}${when}电${gap}（记者${spaced ? '' : ' '}${reporters(rng.int(1, 3))}）`;
    case 3:
      return `本报${rng.pick(PLACES)}${when}电${gap}（记者${spaced ? '' : ' '}${name(rng)} 通讯员${spaced ? '' : ' '}${name(rng)}）`;
    case 4:
      return `新华社${rng.pick(ABROAD)}${when}电${gap}（记者${spaced ? '' : ' '}${reporters(rng.int(1, 2))}）`;
    default:
      return `新华社${rng.pick(PLACES)}${when}电${gap}`;
  }
}

const CREDITS = [
  (rng) => `新华社记者 ${name(rng)} 摄`,
  (rng) => `本报记者 ${name(rng)} 摄`,
  () => '新华社发',
  () => '新华社 图',
  (rng) => `${rng.pick(PLACES)}市委宣传部 供图`,
  () => '（资料图片）',
];

/** A caption: the first sentence of a paragraph, as a photo would be described. */
function captionText(rng, paragraphs, date) {
  for (let tries = 0; tries < 8; tries++) {
    const sentence = /^[^。！？]{12,70}[。！？]/.exec(rng.pick(paragraphs))?.[0];
    if (sentence) return rng.chance(0.5) ? `图为${monthDay(addDays(date, -1))}，${sentence}` : sentence;
  }
  return `${monthDay(date)}，${rng.pick(PLACES)}街头。`;
}

/** Where a paragraph can be broken by the layout: between two Han characters, past a subheading's length. */
function breakPoint(rng, text) {
  if (text.length < 60) return -1;
  for (let tries = 0; tries < 6; tries++) {
    const i = rng.int(26, text.length - 12);
    if (/\p{sc=Han}/u.test(text[i - 1]) && /\p{sc=Han}/u.test(text[i])) return i;
  }
  return -1;
}

/** Hard-wraps a paragraph as a page's text export does, never inside a run of ASCII letters or digits. */
function wrap(text, width) {
  const lines = [];
  let start = 0;
  while (text.length - start > width) {
    let at = start + width;
    while (at > start + 1 && /[A-Za-z0-9]/.test(text[at - 1]) && /[A-Za-z0-9]/.test(text[at])) at--;
    lines.push(text.slice(start, at));
    start = at;
  }
  lines.push(text.slice(start));
  return lines.join('\n');
}

// ---- articles -------------------------------------------------------------

/**
 * The body of one article as a list of blocks (strings, in order), each a
 * paragraph of the page file: the dateline or a standalone byline,
 * paragraphs, page-break splits, subheadings and captions.
 */
function articleBody(rng, pool, date, { paragraphs, text = pool.paragraphs.people, spaced = false, allowBreaks = true }) {
  const texts = Array.from({ length: paragraphs }, () => rng.pick(text));
  const blocks = [];
  const opening = rng.int(0, 9);
  if (opening < 6) texts[0] = dateline(rng, date, spaced) + texts[0];
  else if (opening < 8) blocks.push(`本报记者 ${names(rng, rng.int(1, 2)).join(spaced ? '  ' : ' ')}`);
  const numbered = rng.chance(0.3);
  let subheadings = 0;
  texts.forEach((paragraph, i) => {
    if (i > 0 && i < texts.length - 1 && texts.length >= 5 && rng.chance(0.18)) {
      const sub = rng.pick(pool.subheadings);
      // `一、…`, `**…**` or a short plain line (FORMAT.md §3).
      blocks.push(numbered ? `${NUMERALS[subheadings % 10]}、${sub}` : rng.chance(0.5) ? `**${sub}**` : sub);
      subheadings++;
    }
    // A paragraph broken by the layout (`作出` + `更大贡献。`).
    const at = allowBreaks && rng.chance(0.08) ? breakPoint(rng, paragraph) : -1;
    if (at > 0) blocks.push(paragraph.slice(0, at), paragraph.slice(at));
    else blocks.push(paragraph);
    if (i > 0 && rng.chance(0.07)) {
      // A caption and its credit, on its own line or at the end of the caption.
      const caption = captionText(rng, text, date);
      if (rng.chance(0.3)) blocks.push(`${caption} ${rng.pick(CREDITS.slice(0, 2))(rng)}`);
      else blocks.push(caption, rng.pick(CREDITS)(rng));
    }
  });
  if (opening === 9) blocks.push('据新华社电');
  return blocks;
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
