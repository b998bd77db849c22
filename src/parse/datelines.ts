/**
 * Datelines (电头) at the start of an article's first paragraph (FORMAT.md §4):
 * `本报讯`, `本报讯（记者 张三）`, `本报讯 5月8日`, `本报北京5月8日电（记者 张三 李四）`,
 * `新华社莫斯科5月8日电（记者 王五）`, `据新华社电`, `央视网消息（新闻联播）`.
 * The formula stays in the paragraph; its place, date, source and the
 * people in its parentheses are extracted. `当地时间5月8日上午，` is not one.
 */
import type { Dateline } from '../types.js';
import { isoFromMonthDay, toNumber } from './text.js';
import { ROLE_WORDS, unspaceNames } from './lines.js';

export interface DatelineMatch {
  dateline: Dateline;
  source: string | null;
  byline: string[];
}

const PAREN = String.raw`(?:\s*[（(]([^）)]{1,60})[)）])?`;
const DATE = String.raw`(?:([0-9０-９]{1,2})月)?([0-9０-９]{1,2})日`;

// 本报讯, 本报讯（记者 张三）, 本报讯 5月8日, 本报讯（记者 张三）5月8日, 本报电
const XUN = new RegExp(String.raw`^本报(?:讯|电)${PAREN}(?:\s*(?:([0-9０-９]{1,2})月)([0-9０-９]{1,2})日)?`);
// 本报北京5月8日电（…）, 新华社莫斯科5月8日电（…）, 据新华社北京5月8日电, 中新社北京11日电
const DIAN = new RegExp(String.raw`^(据)?\s*(本报|新华社|中新社|[\u4e00-\u9fa5]{1,8}?社)\s*([\u4e00-\u9fa5]{0,10}?)\s*${DATE}电${PAREN}`);
// 据新华社电, 据人民日报电
const JU_DIAN = new RegExp(String.raw`^据([\u4e00-\u9fa5A-Za-z]{2,12}?)电${PAREN}`);
// 央视网消息（新闻联播）：, 澜江新闻网消息：
const XIAOXI = new RegExp(String.raw`^([^\s，。：:（(“"]{2,15}?)消息${PAREN}(?=\s*[：:])`);

export function findDateline(paragraph: string, issueDate: string | null): DatelineMatch | null {
  let m = XUN.exec(paragraph);
  if (m) {
    const date = m[3] ? isoFromMonthDay(issueDate, toNumber(m[2]!), toNumber(m[3])) : null;
    return make(m[0], null, date, '本报', m[1]);
  }
  m = DIAN.exec(paragraph);
  if (m) {
    const date = isoFromMonthDay(issueDate, m[4] ? toNumber(m[4]) : null, toNumber(m[5]!));
    return make(m[0], m[3] || null, date, m[2]!, m[6]);
  }
  m = JU_DIAN.exec(paragraph);
  if (m) return make(m[0], null, null, m[1]!, m[2]);
  m = XIAOXI.exec(paragraph);
  if (m) return make(m[0], null, null, m[1]!, m[2]);
  return null;
}

function make(text: string, place: string | null, date: string | null, source: string, paren: string | undefined): DatelineMatch {
  return { dateline: { text: text.trim(), place, date }, source, byline: namesInParentheses(paren) };
}

const ROLES = new RegExp(`^(?:本报|新华社)?(?:${ROLE_WORDS}|摄影|摄)$`);
const GLUED = new RegExp(`^(?:本报|新华社)?(?:${ROLE_WORDS})([\\u4e00-\\u9fa5·]{2,4})$`);

/** `记者 孙婧 通讯员 何平` → [孙婧, 何平]; `新闻联播` (no role) → []. */
export function namesInParentheses(paren: string | undefined): string[] {
  if (!paren) return [];
  const tokens = unspaceNames(paren).split(/[\s\u3000、，,]+/).filter(Boolean);
  const names: string[] = [];
  let sawRole = false;
  for (const token of tokens) {
    const glued = GLUED.exec(token);
    if (ROLES.test(token)) sawRole = true;
    else if (glued) {
      sawRole = true;
      names.push(glued[1]!);
    } else if (sawRole && /^[\u4e00-\u9fa5·]{2,8}$|^[A-Za-z][A-Za-z .'-]+$/.test(token)) names.push(token);
  }
  return names;
}
