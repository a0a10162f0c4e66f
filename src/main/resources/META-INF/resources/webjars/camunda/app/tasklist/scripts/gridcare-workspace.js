// GridCare's staff workspace in Tasklist, as Tasklist plugins (listed in customScripts of scripts/config.js): the
// "Customer / 客户" tab of every task, the search box and "Register a call" in the header; on Chinese screens the
// task names in both languages. The screens call GridCare's API (/api/v1) with the Tasklist login.
import { chinese, t } from '../../gridcare/workspace/i18n.js';
import { engine } from '../../gridcare/workspace/api.js';
import { clear, h, styles } from '../../gridcare/workspace/dom.js';
import { showCustomer } from '../../gridcare/workspace/customer-view.js';
import { registerCall } from '../../gridcare/workspace/register-call.js';
import { searchBox } from '../../gridcare/workspace/search.js';
import { translateTaskNames } from '../../gridcare/workspace/task-names.js';

styles();
if (chinese) translateTaskNames();

async function customerOfTask(taskId) {
  try {
    const variable = await engine(`/task/${encodeURIComponent(taskId)}/variables/customerId`);
    return variable && variable.value;
  } catch (e) {
    return null; // a task of a process without a customer
  }
}

export default [
  {
    id: 'gridcare.customer',
    pluginPoint: 'tasklist.task.detail',
    priority: 900,
    label: t('customerTab'),
    render: (node, { taskId }) => {
      const container = h('div', { className: 'gc-customer-tab' });
      node.appendChild(container);
      customerOfTask(taskId).then((customerId) => {
        if (!customerId) return clear(container, h('div', { className: 'well' }, t('noCustomer')));
        return showCustomer(container, customerId, (customer) => registerCall(customer));
      });
    }
  },
  {
    id: 'gridcare.search',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: (node) => searchBox(node)
  },
  {
    id: 'gridcare.register-call',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node) => clear(node, h('button', { type: 'button', className: 'btn btn-default btn-sm navbar-btn gc-register-call',
      onclick: () => registerCall() }, h('span', { className: 'glyphicon glyphicon-earphone' }), ' ', t('registerCall')))
  }
];
