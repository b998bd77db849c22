/**
 * Which words may describe an article: a stop list of the function words
 * and formulas of news writing (记者, 表示, 今天, 本报讯 …), plus rules for
 * what is never a keyword — numbers, dates, single characters, punctuation.
 * Shared by keywords and related articles so both see the same words;
 * keywords are held to a stricter test (isKeywordWord).
 */
import { backgroundIdf } from './background-idf.js';
import { partOfSpeech } from './segment.js';

/**
 * Words that occur in news whatever the story: reporting formulas (记者,
 * 获悉, 日电), time words (今天, 目前), connectives (同时, 以及), pronouns,
 * generic verbs of officialese (进行, 开展, 加强) and vague quantities.
 */
export const NEWS_STOP_WORDS: ReadonlySet<string> = new Set([
  // Reporting formulas: who said what, where the news came from.
  '本报', '本报讯', '日电', '日讯', '电讯', '记者', '本报记者', '通讯员', '特约记者', '见习记者', '实习生',
  '报道', '报道组', '采访', '受访者', '表示', '指出', '强调', '认为', '介绍', '获悉', '据悉', '了解', '了解到',
  '据了解', '据介绍', '消息', '新闻', '发布', '透露', '称', '说道', '告诉', '负责人', '有关部门', '相关',
  '有关', '新华社', '央视', '央视网', '总台', '中央广播电视总台', '主持人', '节目', '本期', '主要内容',
  '新闻摘要', '快讯', '联播', '国内联播', '国际联播', '查看', '原文', '点击', '视频', '图片', '资料',
  '资料图片', '编辑', '责任编辑', '来源', '转载', '摄影', '供图', '记者从', '来自', '现场', '全文',
  // Time words: every article has one.
  '今天', '昨天', '明天', '今日', '昨日', '明日', '今年', '去年', '明年', '前年', '今后', '近日', '日前',
  '目前', '当前', '此前', '此后', '以来', '期间', '当天', '当日', '次日', '上午', '下午', '中午', '晚上',
  '凌晨', '傍晚', '本周', '上周', '下周', '本月', '上月', '下月', '近年来', '近年', '近期', '同期', '年初',
  '年底', '年末', '月初', '月底', '时间', '时候', '之后', '之前', '以后', '以前', '随后', '最近', '未来',
  '过去', '现在', '如今', '截至', '截止', '首次', '开始', '结束',
  // Connectives and function words.
  '同时', '此外', '另外', '其中', '以及', '或者', '并且', '而且', '但是', '不过', '因为', '所以', '因此',
  '由于', '为了', '如果', '虽然', '然而', '于是', '然后', '最后', '首先', '其次', '总之', '对此', '为此',
  '随着', '通过', '根据', '按照', '依据', '对于', '关于', '作为', '以上', '以下', '左右', '之一', '之间',
  '之中', '当中', '方面', '一方面', '另一方面', '不仅', '而是', '还是', '就是', '也是', '不是', '还有',
  '等等', '如下', '所示', '上述', '该', '此次', '这次', '本次', '其他', '其它', '一起', '一直', '已经',
  '正在', '将要', '曾经', '仍然', '依然', '还要', '并不', '不会', '不能', '没有', '可以', '可能', '能够',
  '需要', '应该', '应当', '必须', '一定', '希望', '是否',
  // Pronouns and determiners.
  '我们', '你们', '他们', '她们', '它们', '大家', '自己', '这个', '那个', '这些', '那些', '这里', '那里',
  '这样', '那样', '这种', '那种', '如何', '什么', '怎么', '为什么', '怎样', '哪些', '这么', '那么', '多少',
  '各地', '各类', '各种', '各项', '各级', '各方', '部分', '所有', '全部', '一切', '任何', '每个', '整个',
  '有些', '某些', '一些', '一个', '一批', '一系列', '一项', '一次', '一种', '一位', '一名', '一家', '一场',
  '一条', '一年', '一天', '一下', '一点', '一样', '多个', '多项', '多名', '多次', '不少', '很多', '许多',
  '大量', '众多', '不同',
  // Adverbs and vague qualifiers.
  '非常', '更加', '更好', '越来越', '进一步', '不断', '持续', '全面', '积极', '重要', '主要', '有效', '显著',
  '比较', '相当', '特别', '尤其', '十分', '几乎', '大约', '约为', '超过', '达到', '千万', '万一', '真正',
  '充分', '努力', '继续', '始终', '日益', '逐步', '切实', '扎实', '深入', '大力', '认真', '进一步加强',
  // Generic verbs of official reporting.
  '工作', '进行', '开展', '加强', '推进', '推动', '促进', '提高', '提升', '实现', '加快', '做好', '抓好',
  '落实', '确保', '坚持', '实施', '完善', '建立', '形成', '取得', '得到', '给予', '做出', '作出', '发挥',
  '体现', '提供', '包括', '带来', '成为', '出现', '发生', '造成', '进入', '来到', '看到', '知道', '觉得',
  '举行', '召开', '出席', '参加', '成功', '正式', '显示', '数据显示', '来说', '而言', '看来', '情况', '问题',
  '方式', '有关情况', '相关负责人', '工作人员', '人员', '我国', '支持', '出台', '维护', '全年', '市级',
  // 我市, 全省: the paper's own place, named in nearly every local article.
  '我市', '我省', '我区', '我县', '我州', '我镇', '本市', '本省', '全市', '全省', '全区', '全县',
]);

// `2022` `98.5` `10%`: bare numbers.
const NUMBER = /^[\d０-９.．,，%％‰]+$/;
// `2022年` `5月` `8日` `3073万` `472.58亿元`: numbers with a unit or date part.
const NUMBER_WITH_UNIT = /^[\d０-９.．]+[年月日号时分秒天周岁万亿元吨米个倍次名人点]+$/;
// `一个` `十三` `第一次` `三年`: Chinese numerals, ordinals and counted units
// (but not `百年`, `千万` — magnitude words that start a compound).
const CHINESE_NUMBER = /^第?[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*[年月日号个次名位项家件条种批天倍届期轮]?$/;
// `亿例` `万人次` `千吨` (of `5.1亿例`): a magnitude and a unit, what is left of a count once jieba cut its digits off.
const MAGNITUDE_UNIT = /^[十百千万亿]+[例人次元吨户名个件只台辆家所座项位批场起架艘套]+$/;
// `这条` `那位` `每项` `该批`: a demonstrative and a measure word.
const DEMONSTRATIVE = /^[这那此该每各本][个条种位名项件次些样批家场回番]$/;
// `04T14` (of `2023-09-04T14:27`), `07B`: no name or term starts with the digit 0; such a token is a piece of a date, time or code.
const LEADING_ZERO = /^[0０][0-9０-９A-Za-zＡ-Ｚａ-ｚ]/;
// A word must be Han characters, Latin letters or digits (`C919`, `5G`, `新冠`), no punctuation or space.
const WORD_CHARS = /^[\p{Script=Han}A-Za-z0-9Ａ-Ｚａ-ｚ０-９·-]+$/u;
const HAS_LETTER = /[\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ]/u;

/** Whether `word` (a jieba token) can describe an article: not a stop word, number, date or fragment. */
export function isContentWord(word: string): boolean {
  if (word.length < 2) return false;
  if (!WORD_CHARS.test(word) || !HAS_LETTER.test(word)) return false;
  if (NEWS_STOP_WORDS.has(word)) return false;
  if (LEADING_ZERO.test(word) || MAGNITUDE_UNIT.test(word) || NUMBER.test(word) || NUMBER_WITH_UNIT.test(word) || CHINESE_NUMBER.test(word) || DEMONSTRATIVE.test(word)) return false;
  return true;
}

/**
 * Parts of speech (jieba's tags) that never name what an article is about:
 * adverbs (共同, 最新), pronouns (有人), numerals and measures (一路, 万例,
 * 系列), prepositions, conjunctions, particles, directions (中方), modal and
 * onomatopoeic words.
 */
export const FUNCTION_TAGS: ReadonlySet<string> = new Set(['d', 'r', 'rr', 'rz', 'm', 'mq', 'q', 'p', 'c', 'u', 'uj', 'ul', 'uv', 'uz', 'ud', 'ug', 'f', 'e', 'y', 'o', 'zg']);

/**
 * Content words that still describe no article: verbs of saying and being
 * (属于, 令人), vague places and groups (多地, 多国), the programme's own
 * formulas (播发, 快讯).
 */
export const KEYWORD_STOP_WORDS: ReadonlySet<string> = new Set([
  '令人', '属于', '有关', '多地', '多国', '各国', '多方', '双方', '人士', '一道', '一同', '之际', '有力', '有序', '更大',
  // `…时说` `…时称`: the tail of `在会见时说`, a reporting formula jieba keeps as one word.
  '时说', '时称',
  '播发', '最新', '全文', '文章', '署名文章', '发表', '讲话', '重要讲话', '举行', '会议', '会见', '会谈', '举行会谈',
  '在京举行', '举行仪式', '出版发行', '月份', '总体', '整体', '方向', '领域', '方面', '水平', '力度', '措施', '活动',
]);

// `俄称` `乌称` `正说` (韩正说): a name's last or a place's first character and 称 or 说, a reporting formula jieba does not know.
const REPORTED_SPEECH = /^\p{Script=Han}{1,2}方?[称说]$/u;

// `李希在` `比上` `和习`: a word jieba made up (tag x) that begins or ends with a particle, preposition or direction
// is a name or word with its neighbour's grammar glued on.
const GRAMMAR_CHARACTERS = new Set([...'的之了着过地得和与及或等并而且也都是在于被把将对向从由为以其这那每各该此上下']);

/**
 * A verb names an event only when general Chinese seldom uses it (jieba's
 * IDF at least this): 空袭, 罢工, 枪击, 接种 (7.7), 扩建, 被捕 are stories;
 * 学习, 举办, 增长, 邀请 (7.2), 展示 go with any story.
 */
const MIN_VERB_IDF = 7.5;

/**
 * Whether a content word may be a keyword: not a function word by its part
 * of speech, not a common verb, not a keyword stop word or a reporting formula.
 */
export function isKeywordWord(word: string): boolean {
  if (!isContentWord(word) || KEYWORD_STOP_WORDS.has(word)) return false;
  const tag = partOfSpeech(word);
  if (tag !== null && FUNCTION_TAGS.has(tag)) return false;
  if (tag === 'v' && (backgroundIdf()?.table.get(word) ?? Infinity) < MIN_VERB_IDF) return false;
  if (tag === 'x' && (REPORTED_SPEECH.test(word) || GRAMMAR_CHARACTERS.has(word[0]!) || GRAMMAR_CHARACTERS.has(word[word.length - 1]!))) return false;
  return true;
}
