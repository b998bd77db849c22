// A deterministic synthetic archive for tests and screenshots: daily
// broadcast-style transcripts without page numbers (`YYYYMMDD.md`, one
// `### headline` per article, 快讯 bundles of bold items), a named pageless
// file now and then (`YYYYMMDD_天气.txt`) and a few undated files, with
// reporters, sources and recurring subjects so that every page type of the
// site has something to show. The same options always give the same files.
//
//   import { syntheticArchive, writeArchive } from './synthetic-archive.js';
//   const files = syntheticArchive({ articles: 3000, seed: 1 }); // [{ relPath, text }]
//   const bytes = writeArchive(dir, { articles: 3000, seed: 1 }); // the same, written under dir
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from '../bench/lib/random.js';

const PLACES = ['北京', '上海', '广州', '深圳', '成都', '武汉', '西安', '杭州', '南京', '重庆', '天津', '长沙', '昆明', '哈尔滨', '乌鲁木齐', '拉萨', '青岛', '厦门'];
const SUBJECTS = [
  ['春耕', '农机', '种子', '灌溉'], ['高铁', '客流', '列车', '站台'], ['疫苗', '接种', '门诊', '医保'],
  ['芯片', '研发', '实验室', '专利'], ['港口', '集装箱', '航线', '吞吐量'], ['冬奥会', '运动员', '冰雪', '场馆'],
  ['防汛', '水位', '堤坝', '降雨'], ['博物馆', '文物', '展览', '考古'], ['新能源汽车', '充电桩', '电池', '续航'],
  ['乡村振兴', '合作社', '特色产业', '电商'], ['航天员', '空间站', '飞船', '发射场'], ['大熊猫', '保护区', '栖息地', '巡护'],
  ['外贸', '订单', '出口', '关税'], ['数字经济', '算力', '数据中心', '云计算'], ['校园', '教师', '课程', '毕业生'],
  ['地震', '救援', '物资', '安置'], ['茶叶', '茶农', '采摘', '茶园'], ['湿地', '候鸟', '生态', '监测'],
];
const VERBS = ['推进', '完成', '启动', '建成', '迎来', '开展', '部署', '发布', '举行', '实现'];
const SOURCES = ['央视网消息（新闻联播）', '据新华社电', '本台消息'];
const REPORTERS = ['张明', '李华', '王芳', '赵强', '陈静', '刘洋', '杨帆', '周敏', '吴涛', '郑丽'];

/**
 * @param {{ articles?: number, seed?: number, start?: string, perDay?: number }} [options]
 * @returns {{ relPath: string, text: string }[]}
 */
export function syntheticArchive(options = {}) {
  const total = options.articles ?? 3000;
  const perDay = options.perDay ?? 15;
  const rng = random('synthetic-archive', options.seed ?? 1);
  const rand = rng.next;
  const pick = rng.pick;
  const day = new Date(`${options.start ?? '2021-11-20'}T00:00:00Z`);
  const files = [];
  let made = 0;
  const sentence = (subject, place) =>
    `${place}${pick(subject)}工作${pick(VERBS)}，${pick(subject)}和${pick(subject)}${pick(['稳步提升', '持续向好', '取得新进展', '有序推进', '再创新高'])}。`;
  const paragraph = (subject, place) => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(subject, place)).join('');

  while (made < total) {
    const date = day.toISOString().slice(0, 10).replaceAll('-', '');
    // About one day in ten has no issue: the calendar shows gaps.
    if (rand() < 0.1) {
      day.setUTCDate(day.getUTCDate() + 1);
      continue;
    }
    const count = Math.min(total - made, perDay - 3 + Math.floor(rand() * 7));
    const lines = [`# 《新闻联播》（${date}）`, '', '## 新闻摘要', '', '1. 今日要闻', '', '## 详细新闻', ''];
    for (let i = 0; i < count; i++) {
      const subject = pick(SUBJECTS), place = pick(PLACES);
      if (i === count - 1 && count > 3) {
        // A bundle of short items, each introduced by a bold line.
        lines.push('### 国内联播快讯', '', `**${SOURCES[0]}**：`, '');
        for (let k = 0; k < 3; k++) {
          const s = pick(SUBJECTS), p = pick(PLACES);
          lines.push(`**${p}${s[0]}${pick(VERBS)}**`, '', paragraph(s, p), '');
        }
        made++;
        continue;
      }
      const source = pick(SOURCES);
      const reporter = rand() < 0.4 ? `（记者 ${pick(REPORTERS)}${rand() < 0.3 ? ` ${pick(REPORTERS)}` : ''}）` : '';
      lines.push(`### ${place}${subject[0]}${pick(VERBS)}${pick(['', '新阶段', '成效明显', '进入高峰期'])}`, '');
      lines.push(`**${source}**${reporter}：${paragraph(subject, place)}`, '');
      for (let p = 0; p < 1 + Math.floor(rand() * 4); p++) lines.push(paragraph(subject, place), '');
      made++;
    }
    files.push({ relPath: `${date}.md`, text: `${lines.join('\n')}\n` });
    // Now and then a weather report in a file of its own: a pageless file with a name.
    if (made < total && rand() < 0.15) {
      const place = pick(PLACES);
      files.push({ relPath: `${date}_天气.txt`, text: `${place}明起迎来降温\n\n本台消息 气象部门预计，${paragraph(SUBJECTS[6], place)}\n` });
      made++;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  // A few files nobody dated.
  for (let i = 0; i < 3; i++) {
    const subject = pick(SUBJECTS), place = pick(PLACES);
    files.push({ relPath: `未注明日期/稿件${i + 1}.txt`, text: `${place}${subject[1]}见闻\n\n${paragraph(subject, place)}\n\n${paragraph(subject, place)}\n` });
  }
  return files;
}

/**
 * Writes the archive of `options` under `dir` (made as needed).
 * @returns {number} the bytes of text written
 */
export function writeArchive(dir, options = {}) {
  let bytes = 0;
  for (const f of syntheticArchive(options)) {
    const file = path.join(dir, f.relPath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}
