// Draws the monitoring reports as SVG line charts. A few lines of our own rather than a chart library:
// nothing is downloaded at run time and the page needs only lines, points, axes and a legend.
const COLORS = ['#2e86de', '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d', '#d35400'];
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (parent) parent.appendChild(node);
  return node;
}

// series: [{name, points: [[x, y], ...]}]; x is the window number
function lineChart(container, series, opts = {}) {
  container.innerHTML = '';
  const all = series.flatMap(s => s.points).filter(p => Number.isFinite(p[1]));
  if (all.length === 0) {
    container.innerHTML = '<div class="empty">no data yet</div>';
    return;
  }
  const W = 600, H = 220, L = 48, R = 10, T = 10, B = 24;
  const xs = all.map(p => p[0]), ys = all.map(p => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1);
  let y0 = Math.min(0, ...ys), y1 = Math.max(...ys, opts.minTop || 0);
  if (y1 === y0) y1 = y0 + 1;
  const sx = x => L + (x - x0) / (x1 - x0) * (W - L - R);
  const sy = y => H - B - (y - y0) / (y1 - y0) * (H - T - B);
  const svg = el('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img'}, container);
  for (let i = 0; i <= 4; i++) {
    const y = y0 + (y1 - y0) * i / 4;
    el('line', {x1: L, x2: W - R, y1: sy(y), y2: sy(y), stroke: '#eee'}, svg);
    el('text', {x: L - 4, y: sy(y) + 4, 'text-anchor': 'end', 'font-size': 10}, svg).textContent = +y.toPrecision(3);
  }
  el('text', {x: W - R, y: H - 6, 'text-anchor': 'end', 'font-size': 10}, svg).textContent = 'window';
  if (opts.threshold != null) {
    el('line', {x1: L, x2: W - R, y1: sy(opts.threshold), y2: sy(opts.threshold), stroke: '#c0392b', 'stroke-dasharray': '4 3'}, svg);
  }
  series.forEach((s, i) => {
    const pts = s.points.filter(p => Number.isFinite(p[1]));
    const color = COLORS[i % COLORS.length];
    el('polyline', {points: pts.map(p => `${sx(p[0])},${sy(p[1])}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2}, svg)
      .setAttribute('data-series', s.name);
    pts.forEach(p => el('circle', {cx: sx(p[0]), cy: sy(p[1]), r: 3, fill: color}, svg));
  });
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.innerHTML = series.map((s, i) => `<span style="color:${COLORS[i % COLORS.length]}">&#9632; ${s.name}</span>`).join('');
  container.appendChild(legend);
}

function seriesBy(windows, rowsOf, keyOf, valueOf) {
  const byKey = new Map();
  windows.forEach(w => rowsOf(w).forEach(r => {
    const key = keyOf(r);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push([w.seq, valueOf(r)]);
  }));
  return [...byKey.entries()].map(([name, points]) => ({name, points}));
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ': ' + response.status);
  return response.json();
}

async function show(model, version) {
  const base = `/api/v1/models/${encodeURIComponent(model)}/versions/${version}`;
  const [drift, quality] = await Promise.all([getJson(base + '/drift'), getJson(base + '/quality')]);
  const closed = drift.windows.filter(w => w.status === 'CLOSED');
  lineChart(document.getElementById('feature-drift'),
    seriesBy(closed, w => w.columns, c => `${c.column} (${c.method})`, c => c.statistic));
  lineChart(document.getElementById('drift-share'),
    [{name: 'drift share', points: closed.map(w => [w.seq, w.driftShare])}], {threshold: closed.length ? closed[closed.length - 1].driftShareThreshold : undefined, minTop: 1});
  lineChart(document.getElementById('quality'),
    seriesBy(quality.windows, w => w.metrics, m => m.metric, m => m.value));
  lineChart(document.getElementById('latency'), [
    {name: 'p50', points: closed.map(w => [w.seq, w.latencyP50Ms])},
    {name: 'p95', points: closed.map(w => [w.seq, w.latencyP95Ms])}]);
  const latest = closed[closed.length - 1];
  const table = document.getElementById('latest');
  table.innerHTML = latest ? '<tr><th>column</th><th>method</th><th>statistic</th><th>p-value</th><th>threshold</th><th>PSI</th></tr>' +
    latest.columns.map(c => `<tr class="${c.drifted ? 'drifted' : ''}"><td>${c.column}</td><td>${c.method}</td>` +
      `<td>${c.statistic.toPrecision(4)}</td><td>${c.pValue == null ? '' : c.pValue.toPrecision(3)}</td>` +
      `<td>${c.threshold}</td><td>${c.psi.toPrecision(3)}</td></tr>`).join('') : '';
  document.getElementById('status').textContent = `${closed.length} closed windows`;
  document.body.dataset.ready = 'true';
}

async function main() {
  const select = document.getElementById('model');
  const models = await getJson('/api/v1/models');
  models.forEach(m => {
    const option = document.createElement('option');
    option.value = JSON.stringify(m);
    option.textContent = `${m.model} v${m.version} (${m.windows} windows)`;
    select.appendChild(option);
  });
  const wanted = new URLSearchParams(location.search).get('model');
  const match = [...select.options].find(o => JSON.parse(o.value).model === wanted);
  if (match) select.value = match.value;
  select.onchange = () => { const m = JSON.parse(select.value); show(m.model, m.version); };
  if (select.value) select.onchange();
  else { document.getElementById('status').textContent = 'no monitored model versions'; document.body.dataset.ready = 'true'; }
}

main().catch(e => { document.getElementById('status').textContent = e.message; });
