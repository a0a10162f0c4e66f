// GridCare: the service dashboard's words in English and Chinese, and the codes the report answers with.
// Section titles, dimensions and figures come with both languages from the report itself.
import { flagsAndSegments } from '../customer-codes.js';
import { chinese, inShownLanguage } from '../language.js';

export { chinese };

const words = {
  title: ['Service dashboard', '服务看板'],
  month: ['Month', '月份'],
  group: ['Group', '处理组'],
  category: ['Category', '类别'],
  tier: ['Tier', '客户等级'],
  channel: ['Channel', '渠道'],
  customer: ['Customer', '客户编号'],
  customerClass: ['Class', '用电类别'],
  area: ['Area', '区域'],
  all: ['All', '全部'],
  download: ['Download', '下载'],
  loading: ['Loading…', '加载中…'],
  noData: ['No figures for this month.', '本月无数据。'],
  casesBehind: ['Cases behind', '明细工单'],
  of: ['of', '／'],
  shownFirst: ['first shown', '仅显示前'],
  caseId: ['Case', '工单号'],
  kind: ['Kind', '类型'],
  status: ['Status', '状态'],
  received: ['Received', '受理时间'],
  closed: ['Closed', '办结时间'],
  close: ['Close', '关闭'],
  record: ['Case record', '工单记录'],
  clocks: ['Clocks', '时限'],
  escalations: ['Escalations', '升级'],
  steps: ['Steps', '办理步骤'],
  noCases: ['No cases.', '无工单。'],
  asOf: ['as of', '截至'],
  summedAt: ['figures summed', '数据汇总于'],
  cumulative: ['Cumulative share', '累计占比']
};

const codes = {
  'customer-service': ['Customer service', '客户服务'],
  'key-accounts': ['Key accounts', '大客户经理'],
  'field-service': ['Field service', '现场服务'],
  billing: ['Billing', '电费核算'],
  metering: ['Metering', '计量'],
  supervisors: ['Supervisors', '主管'],
  'service-managers': ['Service managers', '服务经理'],
  'survey-team': ['Survey team', '满意度回访'],
  COMPLAINT: ['Complaint', '投诉'],
  SERVICE_REQUEST: ['Service request', '业务申请'],
  OPEN: ['Open', '办理中'],
  CLOSED: ['Closed', '已办结'],
  WITHDRAWN: ['Withdrawn', '已撤回'],
  BILLING: ['Billing', '电费'],
  METER: ['Meter', '电能表'],
  SUPPLY_INTERRUPTION: ['Supply interruption', '停电'],
  POWER_QUALITY: ['Power quality', '电能质量'],
  CONNECTION: ['Connection', '业扩接电'],
  SERVICE_CONDUCT: ['Service conduct', '服务态度'],
  OTHER: ['Other', '其他'],
  COMPLAINT_FIRST_CONTACT: ['First contact', '首次联系'],
  COMPLAINT_RESOLUTION: ['Complaint reply', '答复处理结果'],
  COMPLAINT_STATUTORY: ['Statutory reply', '法定答复时限'],
  METER_TEST_RESULT: ['Meter test result', '校验结果'],
  CONNECTION_UTILITY_SIDE: ['Connection', '装表接电'],
  OUTAGE_ARRIVAL: ['Crew arrival', '抢修到达'],
  OUTAGE_RESTORATION: ['Restoration', '恢复供电'],
  RECONNECTION: ['Reconnection', '复电'],
  REQUEST_COMPLETION: ['Request completed', '业务办结'],
  SURVEY_RECOVERY_CALL: ['Recovery call', '低分回访'],
  SURVEY_IMPROVEMENT_PLAN: ['Improvement plan', '改进计划'],
  FIRST_CONTACT_BREACH: ['First contact overdue', '首次联系超时'],
  RESOLUTION_WARNING: ['Resolution warning', '办结预警'],
  RESOLUTION_BREACH: ['Resolution overdue', '办结超时'],
  REGULATORY_RISK: ['Regulatory risk', '监管风险'],
  REPEAT_COMPLAINT: ['Repeat complaint', '重复投诉'],
  ARRIVAL_BREACH: ['Arrival overdue', '到达超时'],
  RESTORATION_BREACH: ['Restoration overdue', '复电超时'],
  SERVICE_TARGET_BREACH: ['Service target overdue', '业务时限超时'],
  METER_READING: ['Meter reading', '抄表'],
  TARIFF_OR_BILLING: ['Tariff or billing', '电价或计费'],
  NETWORK_FAULT: ['Network fault', '电网故障'],
  STAFF_CONDUCT: ['Staff conduct', '员工行为'],
  NOT_RECORDED: ['Not recorded', '未记录'],
  HOTLINE: ['Hotline', '热线'],
  WEB: ['Web', '网站'],
  APP: ['App', '手机应用'],
  WECHAT: ['WeChat', '微信'],
  EMAIL: ['E-mail', '电子邮件'],
  SOCIAL: ['Social media', '社交媒体'],
  COUNTER: ['Counter', '营业厅'],
  SYSTEM: ['GridCare', '系统'],
  MET: ['Met', '达标'],
  BREACHED: ['Breached', '超时'],
  RUNNING: ['Running', '计时中'],
  WARNED: ['Warned', '已预警'],
  PAUSED: ['Paused', '暂停'],
  STOPPED: ['Stopped', '已停止'],
  RESIDENTIAL: ['Residential', '居民'],
  BUSINESS: ['Business', '商业'],
  KEY: ['Key', '重要客户'],
  STRATEGIC: ['Strategic', '战略客户'],
  COMMERCIAL: ['Commercial', '商业用电'],
  INDUSTRIAL: ['Industrial', '工业用电'],
  AGRICULTURAL: ['Agricultural', '农业用电'],
  PUBLIC: ['Public', '公共事业用电'],
  URBAN: ['Urban', '城市'],
  RURAL: ['Rural', '农村'],
  REMOTE: ['Remote', '偏远地区'],
  // offers (rules/offers/offers.drl.xlsx); no rule grants ON_TIME_PAYER now, but offer_grant rows may hold it
  NEW_CUSTOMER: ['New customer', '新客户优惠'],
  LOYALTY_5Y: ['Loyalty 5 years', '五年忠诚优惠'],
  LOYALTY_10Y: ['Loyalty 10 years', '十年忠诚优惠'],
  LONG_TERM_CONTRACT: ['Long-term contract', '长期合同优惠'],
  GREEN_PLAN: ['Green plan', '绿电计划'],
  ON_TIME_PAYER: ['On-time payer', '按时缴费优惠'],
  SURVEY_THANKS: ['Survey thanks', '回访感谢积分'],
  SERVICE_RECOVERY: ['Service recovery', '服务补偿积分'],
  // customer segments of a campaign's answers (and the flags the same rules give)
  ...flagsAndSegments,
  NONE: ['No segment', '无细分']
};

export function t(key) {
  return inShownLanguage(words, key, key);
}

/** A code in the shown language; unknown codes (a feature's new ones) as they are. */
export function code(value) {
  if (value === undefined || value === null) return '';
  return inShownLanguage(codes, value, String(value));
}

/** A label the report sends in both languages. */
export function label(column) {
  return chinese ? column.zh : column.en;
}

const dateTime = new Intl.DateTimeFormat(chinese ? 'zh-CN' : 'en-GB', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false
});

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}
