// GridCare: the workspace's words in English and Chinese, and the codes GridCare's API answers with. The
// language is the webapps' own choice (gridcare/language.js): Chinese for zh, English otherwise.
import { flagsAndSegments } from '../customer-codes.js';
import { chinese, inShownLanguage } from '../language.js';

export { chinese };

const words = {
  customerTab: ['Customer', '客户'],
  search: ['Search', '搜索'],
  searchPlaceholder: ['Case no., customer, phone', '工单号、客户、电话'],
  searchHint: ['Type at least 2 characters', '请至少输入 2 个字符'],
  cases: ['Cases', '工单'],
  customers: ['Customers', '客户'],
  nothingFound: ['Nothing found', '未找到'],
  more: ['More found: narrow the search', '结果较多，请缩小范围'],
  registerCall: ['Register a call', '登记来电'],
  noCustomer: ['This task names no customer.', '此任务未关联客户。'],
  loading: ['Loading…', '加载中…'],
  profile: ['Profile', '客户概况'],
  tier: ['Tier', '等级'],
  why: ['Why', '依据'],
  flags: ['Flags', '标识'],
  segments: ['Segments', '细分'],
  offers: ['Offers', '优惠'],
  discount: ['Discount on the next bill', '下期电费折扣'],
  points: ['Points', '积分'],
  lastPoints: ['Last bookings', '最近积分记录'],
  phone: ['Phone', '电话'],
  email: ['E-mail', '电子邮箱'],
  address: ['Address', '地址'],
  reveal: ['Reveal', '查看完整信息'],
  revealReason: ['Why do you need it? (kept in the access log)', '查看原因（将记入访问日志）'],
  revealConfirm: ['Show', '显示'],
  cancel: ['Cancel', '取消'],
  consumption: ['Consumption, last 24 months (kWh)', '近 24 个月用电量（千瓦时）'],
  thisYear: ['Month', '当月'],
  lastYear: ['Same month last year', '去年同月'],
  paidLate: ['Bill not paid on time', '电费未按时缴纳'],
  paidOnTime: ['Paid on time', '按时缴费'],
  onTimeShare: ['Bills paid on time', '按时缴费比例'],
  annualKwh: ['Last 12 months', '近 12 个月用电'],
  openCases: ['Open cases', '在办工单'],
  timeline: ['Timeline', '客户往来记录'],
  by: ['by', '经办'],
  customer: ['Customer', '客户'],
  kind: ['What the caller wants', '来电类型'],
  channel: ['Channel', '渠道'],
  category: ['Category', '类别'],
  description: ['What the customer says', '客户反映的内容'],
  contactPhone: ['Call-back number (optional)', '回电号码（可选）'],
  type: ['Request', '业务类型'],
  summary: ['Summary of the call', '来电摘要'],
  note: ['Note (optional)', '备注（可选）'],
  submit: ['Register', '登记'],
  pickCustomer: ['Find the customer by name, id or phone', '按姓名、客户号或电话查找客户'],
  readToCaller: ['Read to the caller', '请告知来电客户'],
  caseNumber: ['Case number', '工单号'],
  replyBy: ['Reply by', '答复期限'],
  recorded: ['Recorded', '已登记'],
  group: ['Group', '处理组'],
  status: ['Status', '状态'],
  stage: ['Stage', '进度'],
  received: ['Received', '受理时间'],
  openTask: ['Open task', '打开任务'],
  noOpenTask: ['No open task of this case that you may work.', '此工单没有您可以处理的待办任务。'],
  history: ['History', '处理记录'],
  record: ['Found and decided', '处理结论'],
  score: ['Score', '评分'],
  accessLogged: ['Shown and logged', '已显示并记录'],
  close: ['Close', '关闭'],
  contracts: ['Contracts', '合同'],
  noContracts: ['No contract recorded.', '暂无合同记录。'],
  contract: ['Contract', '合同编号'],
  contractKind: ['Kind', '合同类型'],
  startsOn: ['Start', '生效日期'],
  term: ['Term', '期限'],
  years: ['years', '年'],
  endsOn: ['until', '至'],
  renewalTerms: ['Renewal terms', '续约条款'],
  capacity: ['Contracted capacity', '合同容量'],
  priceBasis: ['Price basis', '计价方式'],
  contractStatus: ['Status', '状态'],
  renewal: ['Renewal', '续签情况'],
  renewalUndecided: ['not decided yet', '尚未确定'],
  newContract: ['new contract', '新合同']
};

const codes = {
  COMPLAINT: ['Complaint', '投诉'], SERVICE_REQUEST: ['Service request', '业务申请'], ENQUIRY: ['Enquiry', '咨询'],
  SUGGESTION: ['Suggestion', '建议'], PRAISE: ['Praise', '表扬'],
  HOTLINE: ['Hotline', '热线'], WEB: ['Web', '网站'], APP: ['App', '手机应用'], EMAIL: ['E-mail', '电子邮件'],
  WECHAT: ['WeChat', '微信'], COUNTER: ['Counter', '营业厅'], SOCIAL: ['Social media', '社交媒体'], SYSTEM: ['GridCare', '系统'],
  SMS: ['Text message', '短信'], PHONE: ['Phone', '电话'],
  BILLING: ['Billing', '电费'], SUPPLY_INTERRUPTION: ['Supply interruption', '停电'], POWER_QUALITY: ['Power quality', '电能质量'],
  METER: ['Meter', '电能表'], SERVICE_CONDUCT: ['Service conduct', '服务态度'], CONNECTION: ['Connection', '用电报装'],
  OTHER: ['Other', '其他'],
  NEW_CONNECTION: ['New connection', '新装'], CAPACITY_CHANGE: ['Capacity change', '增减容'], METER_TEST: ['Meter test', '电能表校验'],
  MOVE_IN: ['Move in', '迁入'], MOVE_OUT: ['Move out', '迁出'], TARIFF_CHANGE: ['Tariff change', '电价变更'],
  GREEN_PLAN_ENROLMENT: ['Green plan enrolment', '绿电套餐办理'], OUTAGE_REPAIR: ['Outage repair', '故障抢修'],
  OPEN: ['Open', '办理中'], CLOSED: ['Closed', '已办结'], WITHDRAWN: ['Withdrawn', '已撤销'],
  RESOLVED: ['resolved', '已解决'], NOT_RESOLVED: ['not resolved', '未解决'], COMPLETED: ['completed', '已完成'],
  REJECTED: ['declined', '未受理'], EXPIRED: ['expired', '已过期'],
  STRATEGIC: ['Strategic', '战略客户'], KEY: ['Key account', '重点客户'], BUSINESS: ['Business', '一般工商业'],
  RESIDENTIAL: ['Residential', '居民'], COMMERCIAL: ['Commercial', '商业'], INDUSTRIAL: ['Industrial', '工业'],
  AGRICULTURAL: ['Agricultural', '农业'], PUBLIC: ['Public', '公共事业'],
  ...flagsAndSegments,
  CASE: ['Case', '工单'], CONTACT: ['Contact', '来电来访'], SURVEY: ['Survey', '满意度调查'], NOTIFICATION: ['Message', '通知'],
  DECISION: ['Decision', '规则决策'], POINTS: ['Points', '积分'],
  REQUESTED: ['survey asked for', '待调查'], SUPPRESSED: ['no survey', '免于调查'], INVITED: ['invited', '已邀请'],
  ANSWERED: ['answered', '已答复'],
  SENT: ['sent', '已发送'], PENDING: ['waiting to be sent', '待发送'], FAILED: ['not delivered', '发送失败'],
  RECEIVED: ['Received', '已受理'], FIRST_CONTACT: ['First contact', '首次联系'], INVESTIGATION: ['Investigation', '调查处理'],
  APPROVAL: ['Approval', '内部审批'], CONFIRMATION: ['Confirmation', '结果确认'],
  WAITING_FOR_CUSTOMER: ['Waiting for the customer', '等待客户'], SITE_SURVEY: ['Site survey', '现场勘查'],
  SUPPLY_PLAN: ['Supply plan', '供电方案'], SITE_WORK: ['Site work', '现场施工'], BILLING_CORRECTION: ['Bill correction', '电费退补'],
  ACCOUNT_CHANGE: ['Account change', '业务变更'], CREW_DISPATCHED: ['Crew dispatched', '抢修派工'], REPAIR: ['Repair', '抢修中'],
  RESTORED: ['Restored', '已复电'], IN_PROGRESS: ['In progress', '处理中'],
  CUSTOMER_EVALUATION: ['Customer tier, flags and segments', '客户等级、标识与细分'],
  OFFER_ELIGIBILITY: ['Offers', '优惠资格'], REWARD_ELIGIBILITY: ['Reward', '奖励资格'],
  COMPLAINT_ROUTING: ['Routing', '派单规则'], SERVICE_REQUEST_ROUTING: ['Routing', '派单规则'],
  SLA_TARGETS: ['Service-level targets', '服务时限'], CONSUMPTION_JUMP: ['Consumption jump', '电量突增'],
  SURVEY_SUPPRESSION: ['Survey suppression', '调查抑制'],
  // steps of the case record (STEP_ + kind) and what they decided
  STEP_WITHDRAWAL_REQUESTED: ['Withdrawal asked', '申请撤销'], STEP_CONTACT: ['Contact attempt', '联系客户'],
  STEP_RESOLUTION: ['Resolution', '处理结果'], STEP_CUSTOMER_REPLY: ['Customer replied', '客户答复'],
  STEP_GOODWILL_DECISION: ['Goodwill', '补偿审批'], STEP_CONFIRMATION: ['Confirmation', '结果确认'],
  STEP_REOPENED: ['Reopened', '重新处理'], STEP_DOCUMENTS_MISSING: ['Documents asked for', '补充资料'],
  STEP_DOCUMENTS_RECEIVED: ['Documents received', '资料已收'], STEP_SITE_SURVEY: ['Site survey', '现场勘查'],
  STEP_SUPPLY_PLAN: ['Supply plan', '供电方案'], STEP_SITE_WORK: ['Site work', '现场施工'],
  STEP_METER_TEST: ['Meter test', '电能表校验'], STEP_BILLING_CORRECTION: ['Bill correction', '电费退补'],
  STEP_ACCOUNT_CHANGE: ['Account change', '业务变更'], STEP_CREW_DISPATCHED: ['Crew dispatched', '抢修派工'],
  STEP_CREW_ARRIVED: ['Crew on site', '抢修到达'], STEP_REPAIR: ['Repair', '抢修'],
  STEP_SUPPLY_RESTORED: ['Supply restored', '恢复供电'], STEP_REQUEST_CONFIRMATION: ['Result confirmed', '结果确认'],
  STEP_TASK_COMPLETED: ['Task done', '任务完成'], STEP_SURVEY_ANSWERED: ['Survey answered', '调查答复'],
  STEP_RECOVERY_CALL: ['Recovery call', '回访'], STEP_IMPROVEMENT_PLAN: ['Improvement plan', '改进方案'],
  STEP_PLAN_REVIEW: ['Plan review', '方案审核'],
  REACHED: ['reached', '已联系上'], NOT_REACHED: ['not reached', '未联系上'], CUSTOMER_ASKED: ['customer asked first', '待客户答复'],
  APPROVED: ['approved', '已批准'], REFUSED: ['refused', '未批准'], REOPENED: ['reopened', '重新处理'],
  ACCURATE: ['meter accurate', '表计准确'], FAULTY: ['meter faulty', '表计故障'], SENT_BACK: ['sent back', '退回修改'],
  METER_READING: ['Meter reading', '抄表'], TARIFF_OR_BILLING: ['Tariff or billing', '电价或电费'],
  NETWORK_FAULT: ['Network fault', '电网故障'], STAFF_CONDUCT: ['Staff conduct', '员工行为'],
  PROCESS_OR_SYSTEM: ['Process or system', '流程或系统'], CUSTOMER_SIDE: ['Customer side', '客户侧'],
  JUSTIFIED: ['justified', '属实'], PARTLY_JUSTIFIED: ['partly justified', '部分属实'], NOT_JUSTIFIED: ['not justified', '不属实'],
  // contracts of business customers: kind, renewal terms, price basis, status, what the renewal decided and why not
  SUPPLY: ['Supply contract', '供用电合同'], GREEN_POWER: ['Green-power agreement', '绿电交易协议'],
  DEMAND_RESPONSE: ['Demand-response agreement', '需求响应协议'],
  RENEWAL_NEGOTIATED: ['renewed by a new agreement', '协商续签'], RENEWAL_AUTOMATIC: ['renews itself unless ended', '自动续期'],
  RENEWAL_NONE: ['ends at its term', '到期终止'],
  CATALOGUE_TARIFF: ['Catalogue tariff', '目录电价'], TIME_OF_USE: ['Time of use', '分时电价'],
  MARKET_TRADED: ['Market traded', '市场化交易'], FIXED_PRICE: ['Fixed price', '固定价格'], GREEN_PREMIUM: ['Green premium', '绿电溢价'],
  CONTRACT_ACTIVE: ['active', '履行中'], CONTRACT_RENEWED: ['renewed', '已续签'], CONTRACT_LOST: ['lost', '已流失'],
  CONTRACT_EXPIRED: ['expired undecided', '到期未续签'],
  OUTCOME_RENEWED: ['Renewed', '按原条款续签'], OUTCOME_CHANGED: ['Renewed with changes', '变更后续签'],
  OUTCOME_LOST: ['Lost', '流失'],
  PRICE: ['price', '价格'], RETAIL_COMPETITOR: ['retail competitor', '售电公司竞争'], SELF_GENERATION: ['own generation', '自建电源'],
  RELOCATION: ['relocation', '搬迁'], CLOSURE: ['closure', '停业'], SERVICE_QUALITY: ['service quality', '服务质量']
};

/** A word of the screen in the shown language. */
export function t(key) {
  return inShownLanguage(words, key, key);
}

/** A code from the API (a category, a status…) in the shown language; unknown codes as they are. */
export function code(value) {
  if (value === undefined || value === null) return '';
  return inShownLanguage(codes, value, String(value));
}

const dateTime = new Intl.DateTimeFormat(chinese ? 'zh-CN' : 'en-GB', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false
});

/** A moment as staff read it: Beijing time, "2026-10-12 10:00". */
export function when(iso) {
  if (!iso) return '';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
