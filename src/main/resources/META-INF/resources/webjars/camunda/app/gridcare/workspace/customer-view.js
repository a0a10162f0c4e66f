// GridCare: one customer as staff see them on a call — profile (tier and why, flags, segments, offers, points),
// the last 24 months of consumption with the same month a year before and payments, and the timeline of every
// contact. Contact data is masked; revealing it asks for a reason, which GridCare keeps in the access log.
import { get, post } from './api.js';
import { chinese, code, t, when } from './i18n.js';
import { clear, h } from './dom.js';

let echartsModule;

function echarts() {
  // loaded when first needed: the library is large, most Tasklist pages never draw a chart
  echartsModule = echartsModule || import('../vendor/echarts/echarts.esm.min.js');
  return echartsModule;
}

function field(label, ...value) {
  return h('div', { className: 'gc-field' }, h('span', { className: 'gc-label' }, label), h('span', { className: 'gc-value' }, value));
}

function revealable(customerId, fieldName, label, masked) {
  const value = h('span', { className: 'gc-masked', 'data-field': fieldName }, masked || '—');
  const cell = h('span', {}, value);
  if (masked) {
    const button = h('button', { type: 'button', className: 'btn btn-link btn-xs gc-reveal', 'data-field': fieldName }, t('reveal'));
    button.addEventListener('click', () => {
      const reason = h('input', { type: 'text', className: 'form-control input-sm gc-reveal-reason', maxlength: '500',
        placeholder: t('revealReason'), 'aria-label': t('revealReason') });
      const error = h('span', { className: 'gc-error' });
      const show = h('button', { type: 'submit', className: 'btn btn-primary btn-xs gc-reveal-confirm' }, t('revealConfirm'));
      const form = h('form', { className: 'gc-reveal-form form-inline' }, reason, ' ', show, ' ',
        h('button', { type: 'button', className: 'btn btn-default btn-xs', onclick: () => clear(cell, value, ' ', button) }, t('cancel')),
        error);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          const revealed = await post(`/customers/${encodeURIComponent(customerId)}/reveal`, { field: fieldName, reason: reason.value });
          clear(cell, h('span', { className: 'gc-revealed', 'data-field': fieldName }, revealed.value || '—'), ' ',
            h('small', { className: 'text-muted' }, t('accessLogged')));
        } catch (e) {
          clear(error, e.message);
        }
      });
      clear(cell, value, ' ', form);
      reason.focus();
    });
    cell.appendChild(document.createTextNode(' '));
    cell.appendChild(button);
  }
  return field(label, cell);
}

function profile(customerId, p, onRegisterCall) {
  const percent = (share) => `${Math.round(share * 1000) / 10} %`;
  return h('section', { className: 'gc-profile' },
    h('div', { className: 'gc-title' },
      h('h3', { className: 'gc-name' }, p.name, ' ', h('small', {}, p.id)),
      onRegisterCall && h('button', { type: 'button', className: 'btn btn-default btn-sm gc-register-for-customer',
        onclick: () => onRegisterCall({ id: p.id, name: p.name }) }, t('registerCall'))),
    h('div', { className: 'gc-fields' },
      field(t('tier'), h('strong', { className: 'gc-tier' }, code(p.tier)), ' · ', code(p.customerClass)),
      p.tierReason && field(t('why'), h('span', { className: 'gc-tier-reason' }, p.tierReason)),
      field(t('flags'), (p.flags || []).map(code).join(', ') || '—'),
      field(t('segments'), (p.segments || []).map(code).join(', ') || '—'),
      field(t('offers'), (p.offers || []).map((o) => o.percent ? `${o.code} ${o.percent} %` : `${o.code} ${o.points}`).join(', ') || '—'),
      field(t('discount'), `${p.discountPercent} %`),
      field(t('annualKwh'), `${Number(p.annualKwh).toLocaleString()} kWh`),
      field(t('onTimeShare'), percent(p.onTimePaymentShare)),
      field(t('points'), h('strong', { className: 'gc-points' }, String(p.pointsBalance)),
        (p.recentPoints || []).length ? h('ul', { className: 'gc-ledger' },
          p.recentPoints.map((e) => h('li', {}, `${when(e.recordedAt)} ${e.points > 0 ? '+' : ''}${e.points} ${e.offerCode}`))) : null),
      revealable(customerId, 'PHONE', t('phone'), p.phone),
      revealable(customerId, 'EMAIL', t('email'), p.email),
      revealable(customerId, 'ADDRESS', t('address'), p.address),
      (p.openCases || []).length ? field(t('openCases'),
        p.openCases.map((c) => h('div', {}, `${c.caseId} · ${code(c.kind)} · ${code(c.category)} · ${code(c.stage)}`))) : null));
}

async function chart(element, consumption) {
  const { init } = await echarts();
  const months = consumption.months;
  const instance = init(element, null, { locale: chinese ? 'ZH' : 'EN', renderer: 'canvas' });
  instance.on('finished', () => element.setAttribute('data-chart-drawn', String(months.length)));
  instance.setOption({
    animation: false,
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    legend: { top: 5, data: [t('thisYear'), t('lastYear'), t('paidLate')] },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const month = months[items[0].dataIndex];
        const paid = month.paidOnTime === undefined ? '' : (month.paidOnTime ? t('paidOnTime') : t('paidLate'));
        return `${month.month}<br/>${t('thisYear')}: ${month.kwh ?? '—'} kWh<br/>${t('lastYear')}: ${month.kwhYearBefore ?? '—'} kWh<br/>${paid}`;
      }
    },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', name: 'kWh' },
    series: [
      {
        name: t('thisYear'), type: 'bar', itemStyle: { color: '#4a7c59' },
        data: months.map((m) => ({ value: m.kwh ?? null, itemStyle: { color: m.paidOnTime === false ? '#c9302c' : '#4a7c59' } }))
      },
      { name: t('lastYear'), type: 'line', connectNulls: false, data: months.map((m) => m.kwhYearBefore ?? null), itemStyle: { color: '#8a8a8a' } },
      { name: t('paidLate'), type: 'bar', data: [], itemStyle: { color: '#c9302c' } }
    ]
  });
  return instance;
}

function entryTitle(entry) {
  const d = entry.details || {};
  switch (entry.type) {
    case 'CASE':
      return `${code(entry.kind)} ${entry.caseId} · ${code(d.category)} · ${code(d.status)}`
        + (d.status === 'OPEN' ? ` (${code(d.stage)})` : (d.outcome ? `: ${code(d.outcome)}` : ''));
    case 'CONTACT':
      return `${code(entry.kind)} · ${code(d.channel)}`;
    case 'SURVEY':
      return `${code('SURVEY')} ${d.surveyId || ''} · ${code(entry.kind)}${d.score ? ` · ${t('score')} ${d.score}/5` : ''}`;
    case 'NOTIFICATION':
      return `${code('NOTIFICATION')} · ${code(d.channel)} · ${code(d.status)}`;
    case 'DECISION':
      return `${code('DECISION')} · ${code(entry.kind)}`;
    case 'POINTS':
      return `${code('POINTS')} ${d.points > 0 ? '+' : ''}${d.points} · ${entry.kind}`;
    default:
      return entry.type;
  }
}

function timeline(entries) {
  return h('ol', { className: 'gc-timeline list-unstyled' }, entries.map((entry) => {
    const d = entry.details || {};
    const why = (d.decisions || []).map((x) => h('div', { className: 'gc-why' }, `${code(x.kind)}: ${x.explanation}`));
    return h('li', { className: `gc-entry gc-${entry.type.toLowerCase()}`, 'data-type': entry.type, 'data-case': entry.caseId || null },
      h('div', { className: 'gc-when' }, when(entry.at)),
      h('div', { className: 'gc-what' },
        h('div', { className: 'gc-entry-title' }, h('span', { className: 'gc-badge' }, code(entry.type)), ' ', entryTitle(entry)),
        entry.text ? h('div', { className: 'gc-text' }, entry.text) : null,
        why,
        entry.by ? h('div', { className: 'gc-by' }, `${t('by')} ${entry.by}`) : null,
        d.assignedGroup && entry.type === 'CASE' ? h('div', { className: 'gc-by' }, `${t('group')}: ${d.assignedGroup}${d.assignee ? ` · ${d.assignee}` : ''}`) : null));
  }));
}

/** Draws the customer into {@code container}; {@code onRegisterCall(customer)} offers "Register a call" for them. */
export async function showCustomer(container, customerId, onRegisterCall) {
  clear(container, h('div', { className: 'gc-loading' }, t('loading')));
  const id = encodeURIComponent(customerId);
  try {
    const [p, consumption, history] = await Promise.all([
      get(`/customers/${id}`), get(`/customers/${id}/consumption?months=24`), get(`/customers/${id}/timeline?limit=200`)]);
    const chartElement = h('div', { className: 'gc-chart' });
    clear(container,
      h('div', { className: 'gc-customer', 'data-customer': customerId },
        profile(customerId, p, onRegisterCall),
        h('section', {}, h('h4', {}, t('consumption')), chartElement),
        h('section', {}, h('h4', {}, t('timeline')), timeline(history.entries))));
    await chart(chartElement, consumption);
  } catch (e) {
    clear(container, h('div', { className: 'alert alert-warning gc-error' }, e.message));
  }
}
