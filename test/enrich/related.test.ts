import { describe, expect, it } from 'vitest';
import { relatedArticles } from '../../src/enrich/related.js';
import { article } from './article.js';

// One week of a paper: a story, its follow-ups, and unrelated news that shares its everyday words.
const week = () => [
  article('2025-05-08/01/1', '长江中下游遭遇强降雨 多地启动防汛应急响应',
    ['长江中下游地区今天遭遇强降雨，湖北、安徽等地启动防汛四级应急响应，水利部门加强巡查。']),
  article('2025-05-08/01/2', '国务院常务会议部署稳就业工作',
    ['国务院常务会议今天召开，部署进一步稳定就业，支持高校毕业生就业创业，各地加强巡查用工情况。']),
  article('2025-05-08/02/1', '新能源汽车销量同比增长三成',
    ['中国汽车工业协会发布数据，四月新能源汽车销量同比增长三成，湖北、安徽等地车企产销两旺。']),
  article('2025-05-09/01/1', '长江中下游强降雨持续 防汛应急响应升级为三级',
    ['强降雨持续影响长江中下游，湖北将防汛应急响应提升至三级，转移群众两千余人。']),
  article('2025-05-09/03/1', '全国春播粮食面积过半',
    ['农业农村部消息，全国春播粮食面积已过半，湖北、安徽等地春播进度快于去年。']),
  article('2025-05-10/01/1', '长江中下游降雨减弱 防汛应急响应解除',
    ['随着降雨减弱，湖北、安徽解除防汛应急响应，长江中下游水位回落。']),
  article('2025-05-10/02/1', '高校毕业生就业招聘会举行',
    ['高校毕业生专场招聘会今天举行，上千家企业提供岗位，支持毕业生就业。']),
];

describe('relatedArticles', () => {
  const records = week();
  const related = relatedArticles(records);

  it('ranks the follow-ups of the same story first', () => {
    expect(related.get('2025-05-08/01/1')!.slice(0, 2).sort()).toEqual(['2025-05-09/01/1', '2025-05-10/01/1']);
    expect(related.get('2025-05-10/01/1')!.slice(0, 2).sort()).toEqual(['2025-05-08/01/1', '2025-05-09/01/1']);
    expect(related.get('2025-05-10/02/1')![0]).toBe('2025-05-08/01/2');
  });

  it('has an entry for every article, never the article itself, at most 5', () => {
    expect([...related.keys()]).toEqual(records.map((r) => r.id));
    for (const [id, ids] of related) {
      expect(ids).not.toContain(id);
      expect(ids.length).toBeLessThanOrEqual(5);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('honours a smaller count', () => {
    for (const ids of relatedArticles(week(), 2).values()) expect(ids.length).toBeLessThanOrEqual(2);
  });

  it('gives the same lists however often and in whatever order it runs', () => {
    expect(relatedArticles(week())).toEqual(related);
    const reversed = relatedArticles(week().reverse());
    for (const [id, ids] of related) expect(reversed.get(id), id).toEqual(ids);
  });

  it('orders equally similar articles by id', () => {
    const twins = [
      article('b/2', '大熊猫福宝回国', ['大熊猫福宝今天回国。']),
      article('a/1', '大熊猫福宝回国', ['大熊猫福宝今天回国。']),
      article('c/3', '大熊猫福宝回国', ['大熊猫福宝今天回国。']),
      article('d/4', '大熊猫福宝回国', ['大熊猫福宝今天回国。']),
    ];
    const r = relatedArticles(twins);
    expect(r.get('d/4')).toEqual(['a/1', 'b/2', 'c/3']);
    expect(r.get('a/1')).toEqual(['b/2', 'c/3', 'd/4']);
  });

  it.each([
    ['no articles', [], new Map()],
    ['one article', [article('x/1', '大熊猫回国', ['大熊猫回国。'])], new Map([['x/1', []]])],
    ['articles with nothing in common', [article('x/1', '大熊猫回国', ['大熊猫回国。']), article('x/2', '火箭发射', ['卫星入轨。'])],
      new Map([['x/1', []], ['x/2', []]])],
    ['articles of stop words only', [article('x/1', '记者表示', ['今天我们进行工作。']), article('x/2', '记者表示', ['今天我们进行工作。'])],
      new Map([['x/1', []], ['x/2', []]])],
  ])('copes with %s', (_what, input, expected) => {
    expect(relatedArticles(input)).toEqual(expected);
  });

  it('finds a follow-up among many articles that share only common words', () => {
    const many = Array.from({ length: 600 }, (_, i) => article(`n/${String(i).padStart(3, '0')}`, `各地推进第${i}项民生工程`,
      [`各地推进民生工程建设，项目编号${i}，群众满意度提高。`]));
    many.push(article('s/1', '福宝回国一周年 大熊猫基地游客如织', ['大熊猫福宝回国一周年，卧龙基地游客如织，民生工程群众满意。']));
    many.push(article('s/2', '福宝回国一周年纪念活动举行', ['卧龙大熊猫基地举行福宝回国一周年纪念活动，群众满意。']));
    const r = relatedArticles(many);
    expect(r.get('s/1')![0]).toBe('s/2');
    expect(r.get('s/2')![0]).toBe('s/1');
  });
});
