import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTemplates, renderBody, TemplateError } from '../../src/render/index.js';

describe('renderBody', () => {
  it('puts subheadings before the paragraphs they precede', () => {
    const html = renderBody({ paragraphs: ['甲。', '乙。'], subheadings: [{ before: 1, text: '小标题' }] });
    expect(html).toBe('<p>甲。</p>\n<h2>小标题</h2>\n<p>乙。</p>');
  });

  it('sets the dateline that opens the first paragraph apart', () => {
    const html = renderBody({ paragraphs: ['本报讯（记者 张三）正文。'], subheadings: [], dateline: { text: '本报讯（记者 张三）', place: null, date: null } });
    expect(html).toBe('<p><span class="dateline">本报讯（记者 张三）</span>正文。</p>');
  });

  it('leaves a dateline that does not open the paragraph unmarked', () => {
    const html = renderBody({ paragraphs: ['正文。'], subheadings: [], dateline: { text: '据新华社电', place: null, date: null } });
    expect(html).toBe('<p>正文。</p>');
  });

  it('sets bold runs in <strong>, also inside the dateline', () => {
    const html = renderBody({
      paragraphs: ['本报讯（记者 张三）正文。', '那是青石街的第一声问候。'], subheadings: [],
      dateline: { text: '本报讯（记者 张三）', place: null, date: null },
      emphasis: [{ paragraph: 0, start: 0, end: 3 }, { paragraph: 1, start: 2, end: 11 }],
    });
    expect(html).toBe('<p><span class="dateline"><strong>本报讯</strong>（记者 张三）</span>正文。</p>\n<p>那是<strong>青石街的第一声问候</strong>。</p>');
  });

  it('escapes the text of a bold run', () => {
    expect(renderBody({ paragraphs: ['甲<b>乙</b>'], subheadings: [], emphasis: [{ paragraph: 0, start: 1, end: 9 }] })).toBe('<p>甲<strong>&#x3C;b>乙&#x3C;/b></strong></p>');
  });

  it('keeps markup in the text as text', () => {
    const html = renderBody({ paragraphs: ['<script>alert(1)</script>&amp;'], subheadings: [{ before: 0, text: '<b>x</b>' }] });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#x3C;script>');
  });
});

describe('templates', () => {
  function dir(files: Record<string, string>): string {
    const d = mkdtempSync(path.join(tmpdir(), 'baoku-templates-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
    return d;
  }

  it('escape output by default', async () => {
    const t = createTemplates(dir({ 'a.liquid': '<p>{{ x }}</p>' }));
    expect(await t.render('a', { x: '<i>"x"</i>' })).toBe('<p>&lt;i&gt;&#34;x&#34;&lt;/i&gt;</p>');
  });

  it('name the template file and line of an unknown filter', async () => {
    const t = createTemplates(dir({ 'a.liquid': 'one\ntwo\n{{ x | nosuchfilter }}\n' }));
    const error = await t.render('a', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toMatch(/a\.liquid:3:\d+: undefined filter: nosuchfilter/);
    expect((error as TemplateError).line).toBe(3);
  });

  it('name the layout, not the page, when the error is in the layout', async () => {
    const t = createTemplates(dir({ 'base.liquid': '<main>\n{% block content %}{% endblock %}\n{{ y | bad }}</main>', 'a.liquid': "{% layout 'base' %}{% block content %}hi{% endblock %}" }));
    const error = (await t.render('a', {}).catch((e: unknown) => e)) as TemplateError;
    expect(error.file).toMatch(/base\.liquid$/);
    expect(error.line).toBe(3);
  });

  it('render a partial once per distinct arguments with the partial filter, escaped inside', async () => {
    const t = createTemplates(dir({ '_p.liquid': '[{{ n }}{{ site.title }}]', 'a.liquid': "{% for n in list %}{{ '_p' | partial: n: n }}{% endfor %}" }));
    const site = { title: '<b>' };
    expect(await t.render('a', { site, list: [1, 2, 1] })).toBe('[1&lt;b&gt;][2&lt;b&gt;][1&lt;b&gt;]');
  });

  it('name the partial and its line when a partial rendered by a filter fails', async () => {
    const t = createTemplates(dir({ '_p.liquid': 'ok\n{{ x | nosuchfilter }}', 'a.liquid': "<p>\n{{ '_p' | partial }}</p>" }));
    const error = (await t.render('a', {}).catch((e: unknown) => e)) as TemplateError;
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.file).toMatch(/_p\.liquid$/);
    expect(error.line).toBe(2);
  });
});
