// GridCare: "Register a call" — the front line, key accounts and supervisors take a caller's complaint, service
// request or enquiry (suggestion, praise) through GridCare's intake, and read the case number and the date of the
// answer to the caller.
import { get, newKey, post } from './api.js';
import { code, t, when } from './i18n.js';
import { clear, dialog, h } from './dom.js';

const KINDS = ['COMPLAINT', 'SERVICE_REQUEST', 'ENQUIRY', 'SUGGESTION', 'PRAISE'];
const CHANNELS = ['HOTLINE', 'COUNTER', 'WECHAT', 'APP', 'WEB', 'EMAIL', 'SOCIAL'];
const CATEGORIES = ['BILLING', 'SUPPLY_INTERRUPTION', 'POWER_QUALITY', 'METER', 'SERVICE_CONDUCT', 'CONNECTION', 'OTHER'];
/** The details each request type takes (servicerequest.RequestDetails): name, input type, choices. */
const REQUEST_FIELDS = {
  NEW_CONNECTION: [['voltageKv', 'number'], ['supply', ['SINGLE', 'DUAL']], ['capacityKva', 'number']],
  CAPACITY_CHANGE: [['voltageKv', 'number'], ['supply', ['SINGLE', 'DUAL']], ['capacityKva', 'number']],
  METER_TEST: [['meterNumber', 'text'], ['reason', 'text']],
  MOVE_IN: [['moveDate', 'date']],
  MOVE_OUT: [['moveDate', 'date'], ['finalReadingKwh', 'number']],
  TARIFF_CHANGE: [['tariff', ['FLAT', 'TIERED', 'TIME_OF_USE']]],
  OUTAGE_REPAIR: [['area', ['URBAN', 'RURAL', 'REMOTE']], ['faultDescription', 'text']],
  GREEN_PLAN_ENROLMENT: [['greenSharePercent', 'number']]
};

function select(name, values, label) {
  return h('select', { name, className: 'form-control input-sm', 'aria-label': label },
    values.map((v) => h('option', { value: v }, Array.isArray(v) ? v : code(v))));
}

function row(label, input) {
  return h('div', { className: 'form-group' }, h('label', { className: 'control-label' }, label), input);
}

function customerPicker(chosen, onChoose) {
  const input = h('input', { type: 'search', name: 'customerSearch', className: 'form-control input-sm', placeholder: t('pickCustomer'),
    'aria-label': t('pickCustomer'), value: chosen ? `${chosen.name} (${chosen.id})` : '' });
  const results = h('ul', { className: 'gc-picks list-unstyled' });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    onChoose(null);
    timer = setTimeout(async () => {
      if (input.value.trim().length < 2) return clear(results);
      try {
        const found = await get(`/search?q=${encodeURIComponent(input.value.trim())}`);
        clear(results, found.customers.map((c) => h('li', {},
          h('a', { href: '', className: 'gc-pick', 'data-customer': c.id, onclick: (event) => {
            event.preventDefault();
            input.value = `${c.name} (${c.id})`;
            clear(results);
            onChoose(c);
          } }, `${c.name} · ${c.id} · ${c.phone || ''}`))));
      } catch (e) {
        clear(results, h('li', { className: 'gc-error' }, e.message));
      }
    }, 250);
  });
  return h('div', { className: 'gc-picker' }, input, results);
}

function receiptView(receipt) {
  if (receipt.caseId) {
    return h('div', { className: 'alert alert-success gc-receipt', 'data-case': receipt.caseId },
      h('strong', {}, t('readToCaller')),
      h('div', {}, `${t('caseNumber')}: `, h('strong', { className: 'gc-receipt-case' }, receipt.caseId)),
      h('div', {}, `${t('replyBy')}: `, h('strong', { className: 'gc-receipt-reply-by' }, when(receipt.replyBy))),
      h('div', { className: 'text-muted' }, `${code(receipt.kind)} · ${receipt.contactId} · ${t('by')} ${receipt.registeredBy}`));
  }
  return h('div', { className: 'alert alert-success gc-receipt', 'data-contact': receipt.contactId },
    h('strong', {}, `${t('recorded')}: `), h('span', { className: 'gc-receipt-contact' }, receipt.contactId),
    h('div', { className: 'text-muted' }, `${code(receipt.kind)} · ${t('by')} ${receipt.registeredBy}`));
}

/** Opens the dialog; {@code customer} ({id, name}) is filled in when known. */
export function registerCall(customer) {
  let chosen = customer || null;
  const key = newKey(); // one per dialog: a second click on Register gets the first answer
  const kind = select('kind', KINDS, t('kind'));
  const channel = select('channel', CHANNELS, t('channel'));
  const category = select('category', CATEGORIES, t('category'));
  const description = h('textarea', { name: 'description', className: 'form-control input-sm', rows: '3', maxlength: '4000', 'aria-label': t('description') });
  const contactPhone = h('input', { type: 'tel', name: 'contactPhone', className: 'form-control input-sm', 'aria-label': t('contactPhone') });
  const type = select('type', Object.keys(REQUEST_FIELDS), t('type'));
  const details = h('div', { className: 'gc-details' });
  const summary = h('textarea', { name: 'summary', className: 'form-control input-sm', rows: '3', maxlength: '2000', 'aria-label': t('summary') });
  const complaintPart = h('div', { className: 'gc-part-complaint' }, row(t('category'), category), row(t('description'), description),
    row(t('contactPhone'), contactPhone));
  const requestPart = h('div', { className: 'gc-part-request' }, row(t('type'), type), details);
  const summaryRow = row(t('summary'), summary);
  const error = h('div', { className: 'gc-error text-danger' });
  const result = h('div', { className: 'gc-result' });
  const submit = h('button', { type: 'submit', className: 'btn btn-primary gc-submit' }, t('submit'));

  const drawDetails = () => clear(details, REQUEST_FIELDS[type.value].map(([name, input]) => row(name,
    Array.isArray(input) ? select(name, input, name) : h('input', { type: input, name, className: 'form-control input-sm', step: 'any', 'aria-label': name }))));
  const showParts = () => {
    complaintPart.hidden = kind.value !== 'COMPLAINT';
    requestPart.hidden = kind.value !== 'SERVICE_REQUEST';
    summaryRow.querySelector('label').textContent = kind.value.endsWith('REQUEST') || kind.value === 'COMPLAINT' ? t('note') : t('summary');
  };
  kind.addEventListener('change', showParts);
  type.addEventListener('change', drawDetails);
  drawDetails();
  showParts();

  const form = h('form', { className: 'gc-register-form' },
    row(t('customer'), customerPicker(chosen, (c) => { chosen = c; })),
    row(t('kind'), kind), row(t('channel'), channel), complaintPart, requestPart, summaryRow, error, submit, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(error);
    if (!chosen) return clear(error, t('pickCustomer'));
    const call = { customerId: chosen.id, channel: channel.value, kind: kind.value };
    if (summary.value.trim()) call.summary = summary.value.trim();
    if (kind.value === 'COMPLAINT') {
      call.complaint = { category: category.value, description: description.value };
      if (contactPhone.value.trim()) call.complaint.contactPhone = contactPhone.value.trim();
    } else if (kind.value === 'SERVICE_REQUEST') {
      const values = {};
      details.querySelectorAll('input, select').forEach((input) => {
        if (input.value === '') return;
        values[input.name] = input.type === 'number' ? Number(input.value) : input.value;
      });
      call.serviceRequest = { type: type.value, details: values };
    }
    submit.disabled = true;
    try {
      clear(result, receiptView(await post('/calls', call, key)));
    } catch (e) {
      submit.disabled = false;
      clear(error, e.message);
    }
  });
  return dialog(t('registerCall'), form, 'gc-register-dialog');
}
