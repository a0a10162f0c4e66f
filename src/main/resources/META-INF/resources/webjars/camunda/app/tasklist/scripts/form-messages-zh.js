// GridCare: Camunda Forms (form-js) write their validation messages in English only, whatever the Tasklist
// language. On Chinese screens this script replaces each known message with its translation as it appears.
const messages = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `至少需要输入 ${n} 个字符。`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `最多只能输入 ${n} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `数值不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `数值不能大于 ${n}。`],
  [/^Field must match pattern (.+)\.$/, (p) => `格式不正确，须符合：${p}`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/, (e) => `请输入有效的国际格式电话号码（例如 ${e}）。`],
  [/^Value is not a number\.$/, () => '请输入数字。']
];

function translate(element) {
  const text = element.textContent.trim();
  for (const [pattern, chinese] of messages) {
    const match = pattern.exec(text);
    if (match) {
      element.textContent = chinese(...match.slice(1));
      return;
    }
  }
}

function translateAll(root) {
  if (root.querySelectorAll) {
    root.querySelectorAll('.fjs-form-field-error li').forEach(translate);
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
    if (target) {
      translateAll(target.closest ? target.closest('.fjs-form-field-error') || target : target);
    }
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });
