// The text of synthetic articles: names, datelines, captions, the layout's
// page breaks and hard wraps, and an article's body as the blocks of a page
// file (FORMAT.md §3–4). Used by the day layouts of synth.js.

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉建国立新文斌宇浩凯晨欣怡思远婧航雪梅琳海波亮峰雨晴佳宁博然'];
const PLACES = ['北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京', '武汉', '成都', '西安', '长沙', '郑州', '济南', '沈阳', '哈尔滨', '昆明', '南宁', '福州', '合肥', '兰州', '乌鲁木齐', '拉萨', '呼和浩特', '银川', '西宁', '贵阳', '太原', '石家庄', '南昌', '海口', '长春'];
const ABROAD = ['莫斯科', '华盛顿', '纽约', '伦敦', '巴黎', '柏林', '东京', '首尔', '开罗', '内罗毕', '新德里', '曼谷', '雅加达', '河内', '日内瓦', '布鲁塞尔', '维也纳', '悉尼', '巴西利亚', '联合国'];
export const PAGE_NAMES = ['要闻', '要闻', '综合', '经济', '政治', '社会', '文化', '国际', '评论', '理论', '科技', '体育', '视点', '地方', '副刊', '读者来信'];
export const COLUMNS = ['发布厅', '民生速递', '科技前沿', '百姓生活', '新闻眼', '一线调研', '经济观察', '国际视点', '文化广角', '今日谈', '基层传真', '法治在线'];
export const MARKERS = ['■', '■', '◆', '●', '★', '▶'];
const NUMERALS = [...'一二三四五六七八九十'];

// ---- dates ----------------------------------------------------------------

const DAY = 86_400_000;
const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
const toIso = (d) => d.toISOString().slice(0, 10);
export const addDays = (iso, n) => toIso(new Date(toDate(iso).getTime() + n * DAY));
export const compact = (iso) => iso.replaceAll('-', '');
/** `6月11日` for an ISO date. */
export const monthDay = (iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
// ---- text -----------------------------------------------------------------

export const name = (rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
export const names = (rng, n) => Array.from({ length: n }, () => name(rng));

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
export function captionText(rng, paragraphs, date) {
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
export function wrap(text, width) {
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
export function articleBody(rng, pool, date, { paragraphs, text = pool.paragraphs.people, spaced = false, allowBreaks = true }) {
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

