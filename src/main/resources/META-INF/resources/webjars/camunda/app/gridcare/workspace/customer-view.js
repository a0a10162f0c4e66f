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

/** What the renewal of a contract came to: the outcome with the new contract or the reason, who and when. */
function renewalOf(c) {
  const r = c.renewal;
  if (!r) return c.status === 'ACTIVE' ? t('renewalUndecided') : '—';
  const what = r.outcome === 'LOST'
    ? `${code(`OUTCOME_${r.outcome}`)}: ${code(r.lostReason)}`
    : `${code(`OUTCOME_${r.outcome}`)}: ${r.newTermYears} ${t('years')} · ${t('newContract')} ${r.newContractId}`;
  return [h('div', { className: 'gc-renewal-outcome' }, what),
    h('div', { className: 'gc-by' }, `${r.decidedBy || ''} ${when(r.decidedAt)}`), r.note ? h('div', { className: 'gc-by' }, r.note) : null];
}

/** A business customer's contracts, newest first: one row each with its terms and where its renewal stands. */
function contracts(list) {
  const heads = [t('contract'), t('contractKind'), t('startsOn'), t('term'), t('renewalTerms'), t('capacity'), t('priceBasis'),
    t('contractStatus'), t('renewal')];
  return h('section', { className: 'gc-contracts' }, h('h4', {}, t('contracts')),
    list.length === 0 ? h('div', { className: 'text-muted' }, t('noContracts'))
      : h('table', { className: 'table table-condensed gc-contract-table' },
        h('thead', {}, h('tr', {}, heads.map((head) => h('th', {}, head)))),
        h('tbody', {}, list.map((c) => h('tr', { className: 'gc-contract', 'data-contract': c.id, 'data-status': c.status },
          h('td', {}, c.id),
          h('td', { 'data-field': 'kind' }, code(c.kind)),
          h('td', { 'data-field': 'startsOn' }, c.startsOn),
          h('td', { 'data-field': 'term' }, `${c.termYears} ${t('years')}, ${t('endsOn')} ${c.endsOn}`),
          h('td', { 'data-field': 'renewalTerms' }, code(`RENEWAL_${c.renewalTerms}`)),
          h('td', { 'data-field': 'capacity' }, `${Number(c.contractedCapacityKva).toLocaleString('en-US')} kVA`),
          h('td', { 'data-field': 'priceBasis' }, code(c.priceBasis)),
          h('td', { 'data-field': 'status' }, code(`CONTRACT_${c.status}`)),
          h('td', { 'data-field': 'renewal' }, renewalOf(c)))))));
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

/**
 * What staff found and decided on a case, one line a step: "Resolution: resolved · Network fault · justified ·
 * 200 CNY — note (agent)". Steps of the timeline ({@code by}) or of the case record ({@code user}).
 */
export function caseSteps(steps) {
  if (!steps || steps.length === 0) return null;
  return h('ul', { className: 'gc-steps' }, steps.map((s) => {
    const facts = [s.rootCause && code(s.rootCause), s.justified && code(s.justified), s.amount != null && `${s.amount} CNY`]
      .filter(Boolean).join(' · ');
    return h('li', { className: 'gc-step', 'data-step': s.kind },
      `${when(s.at)} ${code(`STEP_${s.kind}`)}${s.outcome ? `: ${code(s.outcome)}` : ''}${facts ? ` · ${facts}` : ''}`
        + `${s.note ? ` — ${s.note}` : ''}${s.by || s.user ? ` (${s.by || s.user})` : ''}`);
  }));
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
        entry.type === 'CASE' ? caseSteps(d.steps) : null,
        entry.by ? h('div', { className: 'gc-by' }, `${t('by')} ${entry.by}`) : null,
        d.assignedGroup && entry.type === 'CASE' ? h('div', { className: 'gc-by' }, `${t('group')}: ${d.assignedGroup}${d.assignee ? ` · ${d.assignee}` : ''}`) : null));
  }));
}

/** Draws the customer into {@code container}; {@code onRegisterCall(customer)} offers "Register a call" for them. */
export async function showCustomer(container, customerId, onRegisterCall) {
  clear(container, h('div', { className: 'gc-loading' }, t('loading')));
  const id = encodeURIComponent(customerId);
  try {
    const answer = get(`/customers/${id}`);
    // contracts are kept for business customers only
    const contractList = answer.then((p) => (p.customerClass === 'RESIDENTIAL' ? null : get(`/customers/${id}/contracts`)));
    const [p, consumption, history, held] = await Promise.all([
      answer, get(`/customers/${id}/consumption?months=24`), get(`/customers/${id}/timeline?limit=200`), contractList]);
    const chartElement = h('div', { className: 'gc-chart' });
    clear(container,
      h('div', { className: 'gc-customer', 'data-customer': customerId },
        profile(customerId, p, onRegisterCall),
        held ? contracts(held.contracts) : null,
        h('section', {}, h('h4', {}, t('consumption')), chartElement),
        h('section', {}, h('h4', {}, t('timeline')), timeline(history.entries))));
    await chart(chartElement, consumption);
  } catch (e) {
    clear(container, h('div', { className: 'alert alert-warning gc-error' }, e.message));
  }
}
