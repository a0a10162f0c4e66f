// GridCare: the flags and segments the customer rules give (rules/customer/evaluation.drl), in English and Chinese,
// for the workspace's customer tab and the service dashboard alike. A rule that adds a flag or a segment adds it here.
export const flagsAndSegments = {
  IMPORTANT: ['Important customer', '重要客户'],
  PRIORITY_CARE: ['Priority care', '特殊关爱'],
  GREEN: ['Green', '绿色用电'],
  RELIABILITY: ['Reliability', '高可靠性'],
  DIGITAL: ['Digital', '线上渠道'],
  PRICE_SENSITIVE: ['Price sensitive', '价格敏感']
};
