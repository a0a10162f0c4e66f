// GridCare: the search box in Tasklist's header — cases by number, customers by id, name or full phone number.
// A case opens with its status and history and the open task the user may work; a customer opens as in the
// task's Customer tab.
import { engine, get } from './api.js';
import { chinese, code, t, when } from './i18n.js';
import { clear, dialog, h } from './dom.js';
import { showCustomer } from './customer-view.js';
import { registerCall } from './register-call.js';

async function showCase(caseId) {
  const body = h('div', { className: 'gc-case', 'data-case': caseId }, t('loading'));
  const { close } = dialog(`${t('caseNumber')} ${caseId}`, body, 'gc-case-dialog');
  try {
    const [status, tasks] = await Promise.all([
      get(`/cases/${encodeURIComponent(caseId)}`),
      engine(`/task?processInstanceBusinessKey=${encodeURIComponent(caseId)}&maxResults=20`)]);
    const words = (w) => (w ? (chinese ? w.zh : w.en) || w.code : '');
    clear(body,
      h('div', { className: 'gc-fields' },
        h('div', {}, `${t('status')}: `, h('strong', { className: 'gc-case-status' }, code(status.status)), ` · ${t('stage')}: `,
          words(status.stage), status.outcome ? ` · ${words(status.outcome)}` : ''),
        h('div', {}, `${code(status.kind)} · ${code(status.category)} · ${code(status.channel)} · ${t('received')} ${when(status.receivedAt)}`),
        (status.dueDates || []).map((d) => h('div', {}, `${chinese ? d.zh : d.en}: ${when(d.dueAt)} · ${d.timeLeft || d.state}`))),
      tasks.length
        ? h('ul', { className: 'gc-case-tasks' }, tasks.map((task) => h('li', {},
          h('a', { className: 'gc-open-task', href: `#/?task=${encodeURIComponent(task.id)}`, onclick: close },
            `${t('openTask')}: ${task.name}`), task.assignee ? ` · ${task.assignee}` : '')))
        : h('p', { className: 'text-muted gc-no-task' }, t('noOpenTask')),
      h('h4', {}, t('history')),
      h('ol', { className: 'gc-history' }, (status.history || []).map((step) => h('li', {}, `${when(step.at)} ${chinese ? step.zh : step.en}`))));
  } catch (e) {
    clear(body, h('div', { className: 'alert alert-warning' }, e.message));
  }
}

function showCustomerDialog(customer) {
  const body = h('div', {});
  dialog(`${customer.name} (${customer.id})`, body, 'gc-customer-dialog');
  showCustomer(body, customer.id, (c) => registerCall(c));
}

export function searchBox(node) {
  const input = h('input', { type: 'search', className: 'form-control input-sm gc-search-input', placeholder: t('searchPlaceholder'),
    'aria-label': t('search'), maxlength: '100' });
  const results = h('div', { className: 'gc-search-results', hidden: true });
  const form = h('form', { className: 'gc-search navbar-form', role: 'search' }, input, results);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    results.hidden = false;
    if (input.value.trim().length < 2) return clear(results, h('div', { className: 'gc-hint' }, t('searchHint')));
    clear(results, t('loading'));
    try {
      const found = await get(`/search?q=${encodeURIComponent(input.value.trim())}`);
      const hide = () => { results.hidden = true; };
      clear(results,
        found.cases.length ? h('div', {}, h('h5', {}, t('cases')), h('ul', { className: 'list-unstyled' }, found.cases.map((c) =>
          h('li', {}, h('a', { href: '', className: 'gc-hit-case', 'data-case': c.caseId, onclick: (e) => { e.preventDefault(); hide(); showCase(c.caseId); } },
            `${c.caseId} · ${code(c.kind)} · ${code(c.category)} · ${code(c.status)}`))))) : null,
        found.customers.length ? h('div', {}, h('h5', {}, t('customers')), h('ul', { className: 'list-unstyled' }, found.customers.map((c) =>
          h('li', {}, h('a', { href: '', className: 'gc-hit-customer', 'data-customer': c.id, onclick: (e) => { e.preventDefault(); hide(); showCustomerDialog(c); } },
            `${c.name} · ${c.id} · ${c.phone || ''}`))))) : null,
        !found.cases.length && !found.customers.length ? h('div', { className: 'gc-hint' }, t('nothingFound')) : null,
        found.moreCases || found.moreCustomers ? h('div', { className: 'gc-hint' }, t('more')) : null);
    } catch (e) {
      clear(results, h('div', { className: 'gc-error' }, e.message));
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target)) results.hidden = true;
  });
  clear(node, form);
}
