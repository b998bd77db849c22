// The text synthetic archives are remixed from: paragraphs, headlines,
// kickers, subtitles and subheadings taken from the real corpora (the
// broadcast transcripts and the 人民日报 plain-text export), read in sorted
// file order so that the same corpus always gives the same pool.
//
// Only lines that stand on their own are kept: body paragraphs without a
// dateline, credit, continuation or editor line (the generator writes its
// own, with the new dates), headlines of a newspaper's length.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TERMINAL = /[。！？!?…”」』）)]$/;
// `本报北京9月30日电`, `新华社莫斯科5月8日电`, `本报讯`, `据新华社电`: the generator dates its own.
const DATELINE = /^(本报讯|据[^，。]{1,8}电|[^，。]{0,12}(本报|新华社|中新社)[^，。]{0,16}电)/;
// Lines that are not body text: credits, continuations, editors, sources.
const NOT_BODY = /(下转|上接|转第|本版编辑|责任编辑|（记者|^本报记者|^新华社记者|^记者|摄$|供图$|制图$|图$|^来源：|^（资料图片）)/;
const BAD_CHARS = /[\u0000-\u001f\u007f\ufffd*#[\]<>]/;
// Headings of the transcripts that are containers or bundles, not headlines.
const NOT_HEADLINE = /联播快讯|新闻摘要|详细新闻|新闻联播|^广告$/;

/** Loads the pool from the corpus folder (`cctv-news/`, `people-daily/`). */
export function loadPool(corpusDir) {
  const pool = { paragraphs: { cctv: [], people: [] }, headlines: [], kickers: [], subtitles: [], subheadings: [] };
  const seen = new Set();
  const add = (list, text, min, max) => {
    if (text.length < min || text.length > max || BAD_CHARS.test(text) || seen.has(text)) return;
    seen.add(text);
    list.push(text);
  };
  const body = (list, line) => {
    if (!TERMINAL.test(line) || DATELINE.test(line) || NOT_BODY.test(line)) return;
    add(list, line, 24, 600);
  };

  const cctv = path.join(corpusDir, 'cctv-news');
  for (const name of readdirSync(cctv).filter((n) => n.endsWith('.md')).sort()) {
    let details = false;
    for (const raw of readFileSync(path.join(cctv, name), 'utf8').split(/\r?\n/)) {
      const line = raw.trim();
      if (line.startsWith('## ')) details = line === '## 详细新闻';
      if (!details || line === '') continue;
      const heading = /^###\s+(.+)$/.exec(line);
      if (heading) {
        if (!NOT_HEADLINE.test(heading[1])) add(pool.headlines, heading[1].trim(), 6, 36);
        continue;
      }
      const bold = /^\*\*([^*]+)\*\*$/.exec(line);
      if (bold) {
        add(pool.subheadings, bold[1].trim(), 4, 18);
        continue;
      }
      // `**央视网消息**（新闻联播）：…`: the formula is the generator's to write.
      body(pool.paragraphs.cctv, line.replace(/^\*\*央视网消息\*\*（新闻联播）：/, '').replaceAll('**', ''));
    }
  }

  const people = path.join(corpusDir, 'people-daily');
  for (const day of readdirSync(people).sort()) {
    for (const name of readdirSync(path.join(people, day)).filter((n) => n.endsWith('.txt')).sort()) {
      const lines = readFileSync(path.join(people, day, name), 'utf8').split(/\r?\n/);
      add(pool.kickers, (lines[0] ?? '').trim(), 4, 24);
      add(pool.headlines, (lines[1] ?? '').trim(), 6, 36);
      add(pool.subtitles, (lines[2] ?? '').trim().replace(/^——/, ''), 6, 40);
      for (const raw of lines.slice(3)) body(pool.paragraphs.people, raw.replace(/^[\s\u3000]+/, '').trim());
    }
  }
  // Kickers and subtitles must not end like a sentence (FORMAT.md §2: no terminal punctuation).
  pool.kickers = pool.kickers.filter((k) => !/[。！？，、：；]$/.test(k));
  pool.subtitles = pool.subtitles.filter((k) => !/[。！？]$/.test(k));
  pool.subheadings = pool.subheadings.filter((k) => !/[。！？，、：；]$/.test(k));
  // A headline that starts with a column marker would read as a column box (FORMAT.md §2).
  pool.headlines = pool.headlines.filter((k) => !/[。，、：；]$/.test(k) && !/^[【■□◆◇●○▲★▶]/.test(k));
  return pool;
}
