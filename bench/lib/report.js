// The tables `npm run bench` prints for one corpus: baoku per scenario with
// the seconds of each stage and the files it wrote, then baoku beside each anchor with the ratio
// baoku / anchor, then the targets a build of this size should meet.
import { median } from './measure.js';

const SCENARIOS = { cold: 'cold build', noop: 'no-op rebuild', edit: 'one article edited', day: 'one day added', template: 'one template edited' };
const ANCHORS = { eleventy: 'Eleventy', 'eleventy+pagefind': 'Eleventy+Pagefind', hugo: 'Hugo' };

const seconds = (x) => (x === null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (x) => (x === null ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a, b) => (a === null || b === null || !b ? '–' : `${(a / b).toFixed(2)}×`);
const int = (x) => (x === null ? '–' : Math.round(x).toLocaleString('en-US'));

/** A markdown table, columns padded (numbers right-aligned). */
function table(head, rows) {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join(' | ')} |`;
  return [line(head), `|${width.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function printCorpus({ corpus, input, runs, anchors }) {
  const cold = runs[0].baoku.cold;
  const articles = cold.articles ?? corpus.stats.articles ?? null;
  const pick = (get) => median(runs.map((r) => get(r) ?? null));
  const day = runs[0].day;
  console.log(`\n## ${corpus.name}: ${int(articles)} articles in ${int(cold.files ?? input.files)} files, ${mb(input.bytes / 2 ** 20)} MB of input (${runs.length === 1 ? 'one run' : `median of ${runs.length} runs`})`);
  console.log(`one article edited: a paragraph of ${runs[0].edited}; one day added: ${day.date}, ${day.files} files, ${day.articles} articles\n`);

  // baoku, scenario by scenario, with its stages.
  const stages = [...new Set(runs.flatMap((r) => Object.values(r.baoku).flatMap((s) => Object.keys(s.stages ?? {}))))];
  console.log(
    table(
      ['baoku', 'seconds', ...stages, 'peak RSS MB', 'files written'],
      Object.entries(SCENARIOS).map(([key, label]) => [
        label,
        seconds(pick((r) => r.baoku[key]?.seconds)),
        ...stages.map((s) => seconds(pick((r) => r.baoku[key]?.stages?.[s]))),
        mb(pick((r) => r.baoku[key]?.rssMB)),
        int(pick((r) => r.baoku[key]?.written)),
      ]),
    ),
  );

  // Side by side.
  const tools = ['baoku', ...(anchors ? Object.keys(ANCHORS).filter((a) => a !== 'hugo' || anchors.hugo) : [])];
  const value = (tool, get) => pick((r) => get(tool === 'baoku' ? r.baoku : r.anchors[tool]));
  const out = (tool, get) => pick((r) => (r.output[tool] ? get(r.output[tool]) : null));
  const rows = [
    ...Object.entries(SCENARIOS).map(([key, label]) => [`${label}, s`, (tool) => value(tool, (t) => t?.[key]?.seconds), seconds]),
    ['peak RSS of the cold build, MB', (tool) => value(tool, (t) => t?.cold?.rssMB), mb],
    ['peak RSS of any scenario, MB', (tool) => pick((r) => Math.max(...Object.values(tool === 'baoku' ? r.baoku : r.anchors[tool] ?? {}).map((s) => s.rssMB ?? 0)) || null), mb],
    ['output, MB', (tool) => out(tool, (o) => o.bytes / 2 ** 20), mb],
    ['output files', (tool) => out(tool, (o) => o.files), int],
    ['files per article', (tool) => out(tool, (o) => (articles ? o.files / articles : null)), (x) => (x === null ? '–' : x.toFixed(2))],
    ['output bytes per input byte', (tool) => out(tool, (o) => o.bytes / input.bytes), (x) => (x === null ? '–' : x.toFixed(1))],
  ];
  if (tools.length > 1) {
    const head = ['', 'baoku', ...tools.slice(1).flatMap((t) => [`${ANCHORS[t]}${t === 'hugo' ? ` ${anchors.hugo.version}` : ''}`, `baoku/${ANCHORS[t]}`])];
    console.log(`\n${table(head, rows.map(([label, get, fmt]) => [label, fmt(get('baoku')), ...tools.slice(1).flatMap((t) => [fmt(get(t)), ratio(get('baoku'), get(t))])]))}`);
    console.log('(the anchors rebuild everything in every scenario: none keeps a cache between runs)');
  } else {
    console.log(`\n${table(['', 'baoku'], rows.map(([label, get, fmt]) => [label, fmt(get('baoku'))]))}`);
  }

  // The targets of a build of this size.
  const s = (key) => value('baoku', (t) => t?.[key]?.seconds);
  const rss = rows.find((r) => r[0].startsWith('peak RSS of any'))[1]('baoku');
  const outBytes = out('baoku', (o) => o.bytes);
  const outFiles = out('baoku', (o) => o.files);
  const huge = (articles ?? 0) >= 500_000;
  const targets = huge
    ? [
        ['cold build < 30 min', s('cold') !== null && s('cold') < 1800],
        ['peak RSS < 4 GB', rss !== null && rss < 4096],
        ['one day added < 10 s', s('day') !== null && s('day') < 10],
      ]
    : [
        ...(anchors ? [['cold build faster than Eleventy', s('cold') < value('eleventy', (t) => t?.cold?.seconds)]] : []),
        ...(anchors?.hugo ? [['cold build within 1.5× Hugo', s('cold') <= 1.5 * value('hugo', (t) => t?.cold?.seconds)]] : []),
        ['no-op rebuild < 1 s', s('noop') < 1],
        ['one article edited < 1.5 s', s('edit') < 1.5],
        ['one day added < 3 s', s('day') < 3],
        ['peak RSS < 1 GB', rss !== null && rss < 1024],
        ['output ≤ 8× the input', outBytes !== null && outBytes <= 8 * input.bytes],
        ['≤ 1.3 files per article', outFiles !== null && articles !== null && outFiles <= 1.3 * articles],
      ];
  console.log(`\ntargets: ${targets.map(([label, ok]) => `${ok ? 'met' : 'MISSED'}: ${label}`).join('; ')}`);
}
