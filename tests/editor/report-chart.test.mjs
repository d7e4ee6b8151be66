// The HTML habit report as a person sees it: rendered in Chromium at 1,200 px wide, its chart must
// show every series (also two that coincide), the legend, and both axes, all on screen.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const careerlsp = path.join(root, 'dist/server/careerlsp');
const work = mkdtempSync(path.join(tmpdir(), 'careerlsp-chart-'));
after(() => rmSync(work, { recursive: true, force: true }));

function git(repo, args, date) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada',
    GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return execFileSync('git', ['-C', repo, ...args], { env, encoding: 'utf8' });
}

// Four weeks; the commits with sources are the ones with a pre-mortem, so the two lines coincide
// (50%, then 100% in the last week: the longest end labels), and the commit count differs by week.
function repository() {
  const repo = path.join(work, 'repo');
  execFileSync('git', ['init', '-q', repo]);
  const good = 'Sources Consulted:\n- https://git-scm.com/docs/git-log\n\nPre-mortem:\n- Failure: a\n- Failure: b\n- Failure: c\n- Dependency: d\n- Race: e\n';
  let n = 0;
  for (const [week, commits] of [[0, 2], [1, 6], [2, 4], [3, 10]]) {
    for (let i = 0; i < commits; i++) {
      const day = String(5 + week * 7).padStart(2, '0');
      const date = `2026-10-${day}T${String(9 + i).padStart(2, '0')}:00:00Z`;
      writeFileSync(path.join(repo, `f${n}.txt`), `${n}\n`);
      git(repo, ['add', '-A'], date);
      const message = `Change number ${n++}\n\n${i % 2 === 0 || week === 3 ? good : 'Just a change.\n'}`;
      git(repo, ['commit', '-q', '--no-verify', '-m', message], date);
    }
  }
  return repo;
}

test('the report chart shows coinciding series apart, a legend and both axes at 1,200 px', async () => {
  const repo = repository();
  const page = path.join(work, 'report.html');
  execFileSync(careerlsp, ['report', '--repo', repo, '--format', 'html', '-o', page]);

  // Chromium keeps crash-report settings and a dconf cache under XDG folders: this run's instead.
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(work, 'config'), XDG_CACHE_HOME: path.join(work, 'cache') };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], env });
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    const seen = await tab.evaluate(() => {
      const box = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; };
      const svg = document.querySelector('svg.chart');
      const series = {};
      for (const name of ['with-sources', 'with-a-pre-mortem', 'fix-forward']) {
        const group = svg.querySelector(`.series-${name}`);
        series[name] = { line: group && box(group.querySelector('polyline')), markers: group ? [...group.querySelectorAll('circle, rect, polygon')].map(box) : [] };
      }
      return {
        svg: box(svg),
        series,
        bars: [...svg.querySelectorAll('.series-commits')].map(box),
        shareTicks: [...svg.querySelectorAll('.share-axis text')].map((t) => ({ text: t.textContent, ...box(t) })),
        countTitle: svg.querySelector('.count-title') && box(svg.querySelector('.count-title')),
        countTicks: [...svg.querySelectorAll('g.count-axis text')].map((t) => ({ text: t.textContent, ...box(t) })),
        weekTicks: [...svg.querySelectorAll('.week-axis')].map((t) => ({ text: t.textContent, ...box(t) })),
        labels: [...svg.querySelectorAll('.series-label')].map((t) => ({ text: t.textContent, ...box(t) })),
        legend: [...document.querySelectorAll('.legend span')].map((s) => ({ text: s.textContent, ...box(s) })),
      };
    });
    await tab.screenshot({ path: path.join(work, 'report.png'), fullPage: false });

    const onScreen = (b, what) => assert.ok(b.x >= 0 && b.y >= 0 && b.right <= 1200 && b.bottom <= 900 && b.width > 0 && b.height > 0,
      `${what} is not on screen: ${JSON.stringify(b)}`);
    onScreen(seen.svg, 'the chart');
    for (const [name, s] of Object.entries(seen.series)) {
      assert.ok(s.line, `no line for ${name}`);
      assert.equal(s.markers.length, 4, `${name}: one marker per week`);
      s.markers.forEach((m, i) => onScreen(m, `${name} week ${i + 1}`));
    }
    // Sources and pre-mortem are both 50% every week: their markers must not cover each other.
    const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2];
    for (let i = 0; i < 4; i++) {
      const [a, b] = [centre(seen.series['with-sources'].markers[i]), centre(seen.series['with-a-pre-mortem'].markers[i])];
      assert.ok(Math.hypot(a[0] - b[0], a[1] - b[1]) >= 3, `week ${i + 1}: sources and pre-mortem markers coincide (${a} vs ${b})`);
    }
    assert.equal(seen.bars.length, 4);
    seen.bars.forEach((b, i) => onScreen(b, `commit bar ${i + 1}`));
    // Taller bar for more commits: the counts have a scale of their own.
    assert.ok(seen.bars[3].height > seen.bars[1].height && seen.bars[1].height > seen.bars[0].height, JSON.stringify(seen.bars.map((b) => b.height)));
    assert.deepEqual(seen.shareTicks.map((t) => t.text), ['0%', '25%', '50%', '75%', '100%']);
    assert.deepEqual(seen.countTicks.map((t) => t.text), ['0', '5', '10']);
    assert.equal(seen.weekTicks.length, 4);
    assert.ok(seen.countTitle, 'the count axis has no title');
    onScreen(seen.countTitle, 'the count axis title');
    const inChart = (b, what) => assert.ok(b.x >= seen.svg.x && b.right <= seen.svg.right && b.y >= seen.svg.y && b.bottom <= seen.svg.bottom,
      `${what} is cut off by the chart's edge: ${JSON.stringify(b)} in ${JSON.stringify(seen.svg)}`);
    for (const t of [...seen.shareTicks, ...seen.countTicks, ...seen.weekTicks, ...seen.labels]) {
      onScreen(t, `label "${t.text}"`);
      inChart(t, `label "${t.text}"`);
      assert.ok(t.height >= 11, `label "${t.text}" is ${t.height} px tall: too small to read`);
    }
    // The end labels are apart, though two lines end at the same height.
    const ends = seen.labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ends.length; i++) assert.ok(ends[i] - ends[i - 1] >= 11, `end labels overlap: ${ends}`);
    assert.deepEqual(seen.labels.map((l) => l.text.replace(/ \d+%$/, '')).sort(), ['fix-forward', 'with a pre-mortem', 'with sources']);
    for (const name of ['with sources', 'with a pre-mortem', 'fix-forward', 'commits']) {
      const item = seen.legend.find((l) => l.text.includes(name));
      assert.ok(item, `legend lacks ${name}`);
      onScreen(item, `legend "${name}"`);
    }
  } finally {
    await browser.close();
  }
});
