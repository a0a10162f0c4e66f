// GridCare: task names in Chinese screens, without touching the process models: Tasklist shows the name the model
// gives ("Contact customer"); on a Chinese screen the list, the task's header and the page show "Contact customer /
// 联系客户", like the filter names. Every user task of processes/ has its line here (checked by
// com.gridcare.webapp.TaskNameTranslationsTest).
export const TASK_NAMES_ZH = {
  'Approve compensation': '审批补偿',
  'Approve improvement plan': '审批改进方案',
  'Approve supply plan': '审批供电方案',
  'Call customer about outage': '致电客户告知停电',
  'Call dissatisfied campaign respondent': '回访调查中不满意的客户',
  'Call dissatisfied customer': '回访不满意客户',
  'Carry out site work': '现场施工',
  'Change account': '办理业务变更',
  'Confirm result with customer': '与客户确认处理结果',
  'Contact customer': '联系客户',
  'Correct bills': '电费退补',
  'Dispatch repair crew': '派遣抢修人员',
  'Draft improvement plan': '制定改进方案',
  'Follow up expired contract': '跟进到期未续签合同',
  'Handle regulatory risk': '处理监管风险',
  'Hold final renewal conversation': '合同续签最终洽谈',
  'Hold renewal conversation': '合同续签洽谈',
  'Intervene in overdue complaint': '介入超时投诉',
  'Intervene in overdue connection': '介入超时接电申请',
  'Intervene in overdue meter test': '介入超时校表',
  'Intervene in overdue request': '介入超时业务申请',
  'Intervene: crew not on site in time': '介入：抢修人员未按时到达',
  'Intervene: supply not restored in time': '介入：未按时恢复供电',
  'Investigate and resolve complaint': '调查处理投诉',
  'Report crew on site': '报告抢修人员到达',
  'Restore supply': '恢复供电',
  'Restore supply (remote area)': '恢复供电（偏远地区）',
  'Review account': '大客户走访',
  'Review overdue first contact': '复核超时首次联系',
  'Survey site': '现场勘查',
  'Test meter': '电能表检验',
  'Wait for customer reply': '等待客户答复'
};

// where Tasklist writes a task's name: the list's cards, the open task's header, the case's task list
const NAME_SELECTORS = '.tasks-list h4.task a, .task-card h2.task, .gc-open-task';

function bilingual(name) {
  const zh = TASK_NAMES_ZH[name];
  return zh ? `${name} / ${zh}` : null;
}

// Tasklist's templates keep a reference to the text node they fill: change its value in place (never replace the
// node), so that the next task's name still arrives there, and translate it again when it does.
function translateNode(node) {
  const text = node.nodeValue;
  const name = text.trim();
  const translated = name && bilingual(name);
  if (translated) node.nodeValue = text.replace(name, translated);
}

function translateWithin(root) {
  if (!root.querySelectorAll) return;
  const elements = root.matches && root.matches(NAME_SELECTORS) ? [root] : [];
  elements.push(...root.querySelectorAll(NAME_SELECTORS));
  for (const element of elements) {
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) translateNode(child);
    }
  }
}

export function translateTaskNames() {
  translateWithin(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
      if (target) translateWithin(target.closest(NAME_SELECTORS) || target);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
