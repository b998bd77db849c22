/**
 * Standalone lines that are not body text (FORMAT.md §3–4): editor lines,
 * continuation markers, source lines, byline lines and picture credits.
 * Each recognizer looks at one whole text block.
 */
import { charLength } from './text.js';

/** `（本版编辑：张三 李四）`, `责任编辑：方洁`: page metadata, not part of any article. */
export function isEditorLine(text: string): boolean {
  return charLength(text) <= 40 && /^[（(]?\s*(?:本版|本期|本刊)?(?:责任编辑|责编|编辑|校对|美编|版式|版式设计|版面设计|制图|组版)\s*[：:]/.test(text);
}

const NUM = '[0-9０-９一二三四五六七八九十]{1,3}';
const MARKER = new RegExp(`[（(]\\s*(下转|上接|转|接)\\s*第?\\s*(${NUM})\\s*版\\s*[)）]`);

export interface ContinuationMarker {
  direction: 'on' | 'from';
  page: number;
  /** The marker as written. */
  text: string;
}

/** `（下转第3版）` → on page 3; `（上接第1版）`, `(接2版)` → from page 1, 2. */
export function continuationMarker(text: string): ContinuationMarker | null {
  const m = MARKER.exec(text);
  if (!m) return null;
  return { direction: m[1]!.startsWith('下') || m[1] === '转' ? 'on' : 'from', page: chineseNumber(m[2]!), text: m[0] };
}

/** A block that is a continuation marker and nothing else. */
export function isContinuationLine(text: string): boolean {
  const m = MARKER.exec(text);
  return m !== null && m[0].length === text.trim().length;
}

export { MARKER as CONTINUATION_MARKER };

function chineseNumber(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (digits[s[1]!] ?? 0);
  if (s.includes('十')) return (digits[s[0]!] ?? 0) * 10 + (digits[s[2] ?? ''] ?? 0);
  return digits[s] ?? 0;
}

/**
 * A standalone source line: `据新华社电`, `据人民日报报道`, `来源：人民网`,
 * `（新华社）`. Returns the source, or null.
 */
export function sourceLine(text: string): string | null {
  const t = text.trim();
  if (charLength(t) > 30) return null;
  let m = /^[（(]?\s*据\s*([^\s，。：:]{2,16}?)\s*(?:电|报道|消息)\s*[)）]?[。.]?$/.exec(t);
  if (m) return normalizeSource(m[1]!);
  m = /^[（(]?\s*(?:来源|稿件来源|信息来源)\s*[：:]\s*([^，。]{2,20}?)\s*[)）]?$/.exec(t);
  if (m) return normalizeSource(m[1]!);
  // `（据新华社）`
  m = /^[（(]\s*据\s*([^\s，。：:（）()]{2,16})\s*[)）]$/.exec(t);
  if (m) return normalizeSource(m[1]!);
  m = /^[（(]\s*(新华社|中新社|人民日报|光明日报|经济日报|央视新闻|中国新闻网)\s*[)）]$/.exec(t);
  if (m) return m[1]!;
  // A dateline formula closing the article in parentheses: `（新华社北京9月30日电）`, `（本报开罗1月13日电）`.
  m = /^[（(]\s*据?\s*(本报|新华社|中新社|[\u4e00-\u9fa5]{1,8}?社)[\u4e00-\u9fa5]{0,10}?\s*(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日电\s*[)）]$/.exec(t);
  if (m) return m[1]!;
  return null;
}

/** `新华社北京` → 新华社 is left to datelines; here only trims a trailing `记者` etc. */
export function normalizeSource(s: string): string {
  return s.replace(/(?:记者|特约记者|通讯员)$/, '').trim();
}

/** Reporters' roles, longest first: `特约记者` before `记者`. Shared with the names in datelines' parentheses. */
export const ROLE_WORDS = '特约通讯员|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生';

const ROLE = new RegExp(`^(?:本报|新华社|中新社|人民日报|[^\\s]{0,8}?)?(?:${ROLE_WORDS})$`);
// The name glued to its paper's role (`本报记者张三`); a bare `记者手记` is a column title, not a byline.
const GLUED = new RegExp(`^([\\u4e00-\\u9fa5]{1,8}?(?:${ROLE_WORDS}))([\\u4e00-\\u9fa5·]{2,4})$`);
const ORG = new RegExp(`^(.*?)(?:${ROLE_WORDS})$`);
/** A person's name: two to four characters (`张三`, `欧阳明远`), a transliterated one with `·`, or Latin letters. */
const NAME = /^[\u4e00-\u9fa5]{2,4}$|^[\u4e00-\u9fa5]{1,10}[·•][\u4e00-\u9fa5·•]{1,16}$|^[A-Za-z][A-Za-z .'-]{1,30}$/;

export interface BylineLine {
  names: string[];
  /** `本报记者` → 本报; `新华社记者` → 新华社; `记者` → null. */
  source: string | null;
}

// A lone character after a space, punctuation or a role (`（记者方  晴）`), a space, a lone character before a space, punctuation or 摄.
const SPACED_NAME = new RegExp(`(?<=^|[\\s（(、，,]|${ROLE_WORDS})([\\u4e00-\\u9fa5])\\s+([\\u4e00-\\u9fa5])(?=[\\s)）、，,]|摄|$)`, 'g');

/**
 * Two-character names are set with a space between the characters so they
 * line up with three-character ones (`本报记者  张  枨`, `新华社记者  钱  一摄`,
 * `（记者方  晴）`): the name is 张枨, 钱一, 方晴.
 */
export function unspaceNames(text: string): string {
  return text.replace(SPACED_NAME, '$1$2');
}

/** `本报记者 张三 李四`, `记者 周航`, `新华社记者 王五`, `本报记者 张三 通讯员 李四`, `（赵兵 丁雅诵）`. */
export function bylineLine(text: string): BylineLine | null {
  const trimmed = unspaceNames(text.trim());
  // `（本报记者 张三）` at the end of an article reads the same as without the parentheses.
  // `（本报记者 刘成友整理）`, `（…寇江泽报道）`: what the reporters did follows the last name.
  const inner = trimmed.replace(/^[（(]\s*(.+?)\s*[)）]$/, '$1');
  const t = inner.replace(/(?<=[\u4e00-\u9fa5])(?:采访整理|整理|报道|采写|撰文|执笔)$/, '');
  if (charLength(t) > 40 || /(?:摄|供图|图|发)$/.test(t)) return null;
  const tokens = t.split(/[\s\u3000、，,]+/).filter(Boolean);
  const first = tokens[0];
  if (!first) return null;
  // `（赵兵  丁雅诵）` closing an article: its reporters, named without a role.
  if (inner !== trimmed && tokens.length >= 2 && tokens.every((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n) && !ROLE.test(n) && !GLUED.test(n))) {
    return { names: tokens, source: null };
  }
  // The role may be glued to the first name: `本报记者张三`.
  const glued = GLUED.exec(first);
  if (!ROLE.test(first) && !glued) return null;
  const roleWord = glued ? glued[1]! : first;
  const names: string[] = [];
  const rest = glued ? [glued[2]!, ...tokens.slice(1)] : tokens.slice(1);
  for (const token of rest) {
    if (ROLE.test(token)) continue;
    if (!NAME.test(token)) return null;
    names.push(token);
  }
  if (names.length === 0) return null;
  const org = ORG.exec(roleWord)?.[1] ?? '';
  return { names, source: org === '' ? null : org };
}

/**
 * A picture credit (FORMAT.md §4): `新华社 图`, `新华社发`, `本报记者 张三 摄`,
 * `新华社记者 李四 摄`, `澜江理工大学 供图`, `（资料图片）`.
 */
export function isCreditLine(text: string): boolean {
  const t = unspaceNames(text.trim()).replace(/^[（(]\s*((?:新华社|中新社|本报|记者|通讯员).*?(?:摄|发|供图))\s*[)）]$/, '$1');
  if (charLength(t) > 36 || /[。！？；，]/.test(t)) return false;
  if (/^[（(]\s*(?:资料图片|资料照片|资料图|图片由.{1,20}提供|.{1,20}供图|图片来源[：:].{1,20})\s*[)）]$/.test(t)) return true;
  // Something, a space, then the credit word: `新华社 图`, `本报记者 陈立 摄`, `市非遗保护中心 供图`.
  if (/^\S.{0,30}?\s+(?:摄|图|供图|制图|绘|摄影|拍摄)$/.test(t)) return true;
  // An agency's own credit: `新华社发`, `新华社记者李四摄`, `中新社发 张三 摄`.
  if (/^(?:新华社|中新社|本报|人民图片|视觉中国|IC|CFP)(?:特约记者|记者|通讯员|特约通讯员)?\s*\S{0,12}\s*(?:摄|发|图|供图)$/.test(t)) return true;
  // A name glued to 摄 or 供图: `张三摄`, `受访者供图`.
  if (/^[\u4e00-\u9fa5·]{2,12}(?:摄|供图)$/.test(t) && !/拍摄$/.test(t)) return true;
  // Photographers named in a row, the last glued to the credit word: `温素威  范江旭  方铮摄影报道`.
  const names = t.split(/\s+/);
  const last = /^([\u4e00-\u9fa5·]{2,4})(?:摄影报道|摄影|摄)$/.exec(names[names.length - 1]!);
  if (names.length >= 2 && last && !/拍$/.test(last[1]!) && names.slice(0, -1).every((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n))) return true;
  return false;
}

/** A caption that ends with its credit on the same line: `图为…。 本报记者 孙婧 摄`. */
export function splitTrailingCredit(text: string): { text: string; credit: string } | null {
  const m = /^(.*[。！？!?…”」』）)])[\s\u3000]+(\S[^。！？]{0,35})$/.exec(text);
  if (m && isCreditLine(m[2]!)) return { text: m[1]!, credit: m[2]!.trim() };
  // Glued to the sentence: `图为会场。新华社记者王五摄`, `…签约仪式。（新华社发）`.
  const g = /^(.*[。！？!?…”」』])((?:[（(])?(?:新华社|中新社|本报)(?:特约记者|记者|通讯员)?[\u4e00-\u9fa5·\s]{0,12}(?:摄|发|供图)(?:[)）])?)$/.exec(text);
  if (g && isCreditLine(g[2]!)) return { text: g[1]!, credit: g[2]!.trim() };
  return null;
}
