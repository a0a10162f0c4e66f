// GridCare: the service dashboard, a Cockpit dashboard plugin for service managers and supervisors. It reads the
// monthly service report (GET /api/v1/reports/service) — one card per section the report has, so a section a
// feature adds shows up here without a change — and, for any figure, the cases behind it
// (GET /api/v1/reports/service/cases). Charts drawn with ECharts (bundled, see tools/frontend/vendor.js).
import { get } from '../workspace/api.js';
import { clear, dialog, h } from '../workspace/dom.js';
import { chinese, code, label, t, when } from './words.js';

const GROUPS = ['customer-service', 'key-accounts', 'field-service', 'billing', 'metering', 'supervisors',
  'service-managers', 'survey-team'];
// the report's tier and channel filters (ReportScope.TIERS, ReportScope.CHANNELS)
const TIERS = ['RESIDENTIAL', 'BUSINESS', 'KEY', 'STRATEGIC'];
const CHANNELS = ['HOTLINE', 'WEB', 'APP', 'EMAIL', 'WECHAT', 'COUNTER', 'SOCIAL', 'SYSTEM'];

// What each known section charts: the dimension along the axis, the figures as bars, a Pareto line. A section
// not listed charts its first dimension and every count.
const CHARTS = {
  workload: { axis: 0, figures: ['received', 'closed', 'open'] },
  sla: { axis: 0, figures: ['met', 'breached'] },
  resolution: { axis: 1, figures: ['closed', 'firstContact', 'reopened'] },
  rootCauses: { axis: 1, figures: ['complaints'], pareto: true },
  escalations: { axis: 0, figures: ['escalations'] },
  satisfaction: { axis: 0, figures: ['responses', 'lowScores'] },
  resolutionTime: { axis: 1, figures: ['workingDays', 'calendarDays'], average: true },
  tiers: { axis: 0, figures: ['customers', 'movedIn', 'movedOut'] },
  tierMoves: { axis: 1, figures: ['upgrades', 'downgrades'] },
  offers: { axis: 0, figures: ['discountCny'] }
};

// red is kept for breaches
const COLOURS = ['#2f6690', '#4a7c59', '#e0a030', '#7a5195', '#3a7ca5', '#8a8a8a'];
const BREACHED = '#c9302c';

let echartsModule;
function echarts() {
  echartsModule = echartsModule || import('../vendor/echarts/echarts.esm.min.js');
  return echartsModule;
}

let stylesheet;
function styles() {
  if (stylesheet) return;
  stylesheet = h('link', { rel: 'stylesheet', href: new URL('./dashboard.css', import.meta.url).href });
  document.head.appendChild(stylesheet);
}

function currentMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`;
}

function query(filters) {
  const q = new URLSearchParams({ month: filters.month });
  if (filters.group) q.set('group', filters.group);
  if (filters.category) q.set('category', filters.category);
  if (filters.tier) q.set('tier', filters.tier);
  if (filters.channel) q.set('channel', filters.channel);
  return q;
}

function number(value, kind) {
  if (value === null || value === undefined) return '—';
  if (kind === 'SHARE') return `${(Number(value) * 100).toFixed(1)} %`;
  if (kind === 'SUM') return Number(value).toLocaleString(chinese ? 'zh-CN' : 'en-GB', { minimumFractionDigits: 2 });
  return String(value);
}

/** The service dashboard in {@code node}. */
export function serviceDashboard(node) {
  styles();
  const filters = { month: currentMonth(), group: '', category: '', tier: '', channel: '' };
  const categories = new Set();
  const monthInput = h('input', { type: 'month', className: 'form-control input-sm gc-month', value: filters.month });
  const groupSelect = h('select', { className: 'form-control input-sm gc-group' },
    h('option', { value: '' }, t('all')), GROUPS.map((g) => h('option', { value: g }, code(g))));
  const categorySelect = h('select', { className: 'form-control input-sm gc-category' }, h('option', { value: '' }, t('all')));
  const tierSelect = h('select', { className: 'form-control input-sm gc-tier' },
    h('option', { value: '' }, t('all')), TIERS.map((v) => h('option', { value: v }, code(v))));
  const channelSelect = h('select', { className: 'form-control input-sm gc-channel' },
    h('option', { value: '' }, t('all')), CHANNELS.map((v) => h('option', { value: v }, code(v))));
  const csv = h('a', { className: 'btn btn-default btn-sm gc-csv' }, 'CSV');
  const xlsx = h('a', { className: 'btn btn-default btn-sm gc-xlsx' }, 'Excel');
  const status = h('span', { className: 'gc-status' });
  const cards = h('div', { className: 'gc-cards' });
  const drill = h('div', { className: 'gc-drill' });
  const root = h('section', { className: 'gc-service-dashboard' },
    h('h1', { className: 'section-title' }, t('title')),
    h('form', { className: 'form-inline gc-filters', onsubmit: (e) => e.preventDefault() },
      h('label', {}, t('month'), ' ', monthInput), ' ',
      h('label', {}, t('group'), ' ', groupSelect), ' ',
      h('label', {}, t('category'), ' ', categorySelect), ' ',
      h('label', {}, t('tier'), ' ', tierSelect), ' ',
      h('label', {}, t('channel'), ' ', channelSelect), ' ',
      h('span', { className: 'gc-downloads' }, t('download'), ' ', csv, ' ', xlsx), ' ', status),
    drill, cards);
  clear(node, root);

  let charts = [];
  async function load() {
    const q = query(filters);
    const base = `${document.querySelector('base').getAttribute('app-root').replace(/\/camunda$/, '')}/api/v1/reports/service`;
    csv.setAttribute('href', `${base}?${q}&format=csv`);
    xlsx.setAttribute('href', `${base}?${q}&format=xlsx`);
    status.textContent = t('loading');
    root.removeAttribute('data-loaded');
    try {
      const report = await get(`/reports/service?${q}`);
      charts.forEach((c) => c.dispose());
      charts = [];
      clear(cards);
      for (const section of report.sections) {
        section.rows.forEach((row) => section.dimensions.forEach((d, i) => {
          if (d.key === 'category') categories.add(row.keys[i]);
        }));
        cards.appendChild(await card(section, report, (figure, row, title) => showCases(figure, row, title, section)));
      }
      const chosen = categorySelect.value;
      clear(categorySelect, h('option', { value: '' }, t('all')),
        [...categories].filter((c) => c !== '-').sort().map((c) => h('option', { value: c }, code(c))));
      categorySelect.value = chosen;
      // a closed month's figures come from the night's roll-up: say when they were summed
      status.textContent = `${t('asOf')} ${when(report.asOf)} · ${t('summedAt')} ${when(report.computedAt)}`;
      root.setAttribute('data-loaded', `${report.month}|${report.group || ''}|${report.category || ''}`
        + `|${report.tier || ''}|${report.channel || ''}`);
    } catch (e) {
      status.textContent = e.message;
    }
  }

  async function card(section, report, onDrill) {
    const spec = CHARTS[section.id] || { axis: 0, figures: section.figures.filter((f) => f.kind === 'COUNT').map((f) => f.key) };
    const chartBox = h('div', { className: 'gc-chart', 'data-section': section.id });
    const element = h('div', { className: 'panel panel-default gc-card', 'data-section': section.id },
      h('div', { className: 'panel-heading' }, h('h3', { className: 'panel-title' }, label(section.title))),
      h('div', { className: 'panel-body' },
        section.rows.length ? [chartBox, table(section, onDrill)] : h('p', { className: 'gc-empty' }, t('noData'))));
    if (section.rows.length) {
      // drawn once the card is in the page, so ECharts knows its size
      requestAnimationFrame(() => chart(chartBox, section, spec, onDrill).then((c) => charts.push(c)));
    }
    return element;
  }

  function table(section, onDrill) {
    return h('table', { className: 'table table-condensed gc-table' },
      h('thead', {}, h('tr', {}, section.dimensions.map((d) => h('th', {}, label(d))),
        section.figures.map((f) => h('th', { className: 'gc-number' }, label(f))))),
      h('tbody', {}, section.rows.map((row) => h('tr', { 'data-row': row.key },
        row.keys.map((k) => h('td', {}, code(k))),
        section.figures.map((f, i) => {
          const value = row.figures[i];
          const text = number(value, f.kind);
          const drillable = value !== null && Number(value) !== 0 && f.kind !== 'AVERAGE';
          return h('td', { className: 'gc-number' }, drillable
            ? h('a', { href: '', className: 'gc-figure', 'data-figure': f.key,
              onclick: (e) => { e.preventDefault(); onDrill(f, row.key, `${row.keys.map(code).join(' · ')} — ${label(f)}`); } }, text)
            : text);
        })))));
  }

  async function chart(box, section, spec, onDrill) {
    const { init } = await echarts();
    const figures = spec.figures.map((key) => section.figures.find((f) => f.key === key)).filter(Boolean);
    const index = Object.fromEntries(section.figures.map((f, i) => [f.key, i]));
    const totals = new Map();
    for (const row of section.rows) {
      const key = row.keys[spec.axis];
      const sums = totals.get(key) || figures.map(() => 0);
      figures.forEach((f, i) => { sums[i] += Number(row.figures[index[f.key]] || 0); });
      totals.set(key, sums);
    }
    if (spec.average) {
      // averages are not summed: the mean over the rows of each bar, weighted by the cases of the row
      const weight = section.figures.findIndex((f) => f.kind === 'COUNT');
      totals.clear();
      const weights = new Map();
      for (const row of section.rows) {
        const key = row.keys[spec.axis];
        const w = Number(row.figures[weight] || 0);
        const sums = totals.get(key) || figures.map(() => 0);
        figures.forEach((f, i) => { sums[i] += w * Number(row.figures[index[f.key]] || 0); });
        totals.set(key, sums);
        weights.set(key, (weights.get(key) || 0) + w);
      }
      totals.forEach((sums, key) => totals.set(key, sums.map((v) => Math.round((v / (weights.get(key) || 1)) * 10) / 10)));
    }
    let axis = [...totals.keys()];
    if (spec.pareto) axis.sort((a, b) => totals.get(b)[0] - totals.get(a)[0]);
    const series = figures.map((f, i) => ({
      name: label(f), type: 'bar', itemStyle: { color: f.key === 'breached' ? BREACHED : COLOURS[i % COLOURS.length] },
      data: axis.map((k) => totals.get(k)[i])
    }));
    if (spec.pareto) {
      const all = axis.reduce((s, k) => s + totals.get(k)[0], 0) || 1;
      let running = 0;
      series.push({ name: t('cumulative'), type: 'line', yAxisIndex: 1, itemStyle: { color: '#e0a030' },
        data: axis.map((k) => { running += totals.get(k)[0]; return Math.round((running / all) * 1000) / 10; }) });
    }
    const instance = init(box, null, { locale: chinese ? 'ZH' : 'EN', renderer: 'canvas' });
    instance.setOption({
      animation: false,
      grid: { left: 50, right: spec.pareto ? 50 : 20, top: 40, bottom: 60 },
      legend: { top: 5 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: axis.map(code), axisLabel: { interval: 0, rotate: axis.length > 4 ? 30 : 0 } },
      yAxis: spec.pareto ? [{ type: 'value' }, { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } }] : { type: 'value' },
      series
    });
    instance.on('click', (params) => {
      if (params.componentType !== 'series' || params.seriesIndex >= figures.length) return;
      const key = axis[params.dataIndex];
      const pattern = section.dimensions.map((d, i) => (i === spec.axis ? key : '*')).join('|');
      // an average's bar leads to the cases averaged (the section's first count)
      const figure = spec.average ? section.figures.find((f) => f.kind === 'COUNT') : figures[params.seriesIndex];
      onDrill(figure, pattern, `${code(key)} — ${label(figure)}`);
    });
    // where each bar is drawn, for keyboardless checks (the browser test clicks a bar there)
    const bars = [];
    figures.forEach((f, s) => axis.forEach((k, i) => {
      const layout = instance.getModel().getSeriesByIndex(s).getData().getItemLayout(i);
      if (layout && Math.abs(layout.height) > 0) {
        bars.push({ figure: f.key, key: k, x: Math.round(layout.x + layout.width / 2), y: Math.round(layout.y + layout.height / 2) });
      }
    }));
    box.setAttribute('data-bars', JSON.stringify(bars));
    return instance;
  }

  async function showCases(figure, row, title, section) {
    clear(drill, h('div', { className: 'well well-sm' }, t('loading')));
    const q = query(filters);
    q.set('section', section.id);
    q.set('figure', figure.key);
    q.set('row', row);
    try {
      const list = await get(`/reports/service/cases?${q}`);
      clear(drill, h('div', { className: 'panel panel-info gc-cases', 'data-section': section.id, 'data-figure': figure.key, 'data-row': row, 'data-total': list.total },
        h('div', { className: 'panel-heading' },
          h('button', { type: 'button', className: 'close', 'aria-label': t('close'), onclick: () => clear(drill) }, '×'),
          h('h3', { className: 'panel-title' }, `${t('casesBehind')}: ${label(section.title)} · ${title} (${list.total})`)),
        h('div', { className: 'panel-body' }, (list.customers || []).length ? customerTable(list.customers) : list.cases.length === 0 ? t('noCases') : h('table', { className: 'table table-condensed' },
          h('thead', {}, h('tr', {}, [t('caseId'), t('kind'), t('category'), t('group'), t('status'), t('received'), t('closed')]
            .map((c) => h('th', {}, c)))),
          h('tbody', {}, list.cases.map((c) => h('tr', {},
            h('td', {}, h('a', { href: '', className: 'gc-case', onclick: (e) => { e.preventDefault(); showRecord(c.caseId); } }, c.caseId)),
            h('td', {}, code(c.kind)), h('td', {}, code(c.category)), h('td', {}, code(c.group)), h('td', {}, code(c.status)),
            h('td', {}, when(c.receivedAt)), h('td', {}, when(c.closedAt))))))),
        list.total > Math.max(list.cases.length, (list.customers || []).length) ? h('div', { className: 'panel-footer' }, `${t('shownFirst')} ${list.cases.length} ${t('of')} ${list.total}`) : null));
      drill.scrollIntoView({ block: 'start' });
    } catch (e) {
      clear(drill, h('div', { className: 'alert alert-danger' }, e.message));
    }
  }

  // the customers behind a figure of customers (tiers, offers): no personal data, their tier, class and area
  function customerTable(customers) {
    return h('table', { className: 'table table-condensed gc-customers' },
      h('thead', {}, h('tr', {}, [t('customer'), t('tier'), t('customerClass'), t('area')].map((c) => h('th', {}, c)))),
      h('tbody', {}, customers.map((c) => h('tr', { className: 'gc-customer' },
        h('td', {}, c.customerId), h('td', {}, code(c.tier)), h('td', {}, code(c.customerClass)), h('td', {}, code(c.area))))));
  }

  async function showRecord(caseId) {
    const body = h('div', { className: 'gc-record' }, t('loading'));
    dialog(`${t('record')} ${caseId}`, body, 'gc-record-dialog');
    try {
      const r = await get(`/cases/${encodeURIComponent(caseId)}/record`);
      const c = r.serviceCase;
      clear(body,
        h('p', {}, `${code(c.kind)} · ${code(c.category)} · ${code(c.group)} · ${code(c.status)} · ${when(c.opened)} → ${when(c.closed)}`),
        h('h4', {}, t('clocks')),
        h('ul', {}, r.clocks.map((k) => h('li', { className: `gc-clock gc-clock-${k.state}` }, `${code(k.clock)}: ${code(k.state)} (${when(k.dueAt)})`))),
        r.escalations.length ? [h('h4', {}, t('escalations')),
          h('ul', {}, r.escalations.map((e) => h('li', {}, `${when(e.at)} · ${code(e.kind)} · ${e.level} → ${code(e.escalatedTo)}`)))] : null,
        h('h4', {}, t('steps')),
        h('ol', {}, r.steps.map((s) => h('li', {}, `${when(s.at)} · ${s.kind} · ${s.outcome || ''} ${s.rootCause ? `· ${code(s.rootCause)}` : ''} · ${s.user}`))));
    } catch (e) {
      clear(body, h('div', { className: 'alert alert-danger' }, e.message));
    }
  }

  monthInput.addEventListener('change', () => { if (monthInput.value) { filters.month = monthInput.value; clear(drill); load(); } });
  groupSelect.addEventListener('change', () => { filters.group = groupSelect.value; clear(drill); load(); });
  categorySelect.addEventListener('change', () => { filters.category = categorySelect.value; clear(drill); load(); });
  tierSelect.addEventListener('change', () => { filters.tier = tierSelect.value; clear(drill); load(); });
  channelSelect.addEventListener('change', () => { filters.channel = channelSelect.value; clear(drill); load(); });
  load();
}
