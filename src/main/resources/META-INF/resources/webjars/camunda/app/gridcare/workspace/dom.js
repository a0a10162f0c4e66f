// GridCare: a few helpers to build the plugins' screens without a framework. Text always goes in as text
// (never as HTML), so nothing a customer or colleague wrote can run as markup.
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'className') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let stylesheet;

/** Loads the plugins' stylesheet once. */
export function styles() {
  if (stylesheet) return;
  stylesheet = h('link', { rel: 'stylesheet', href: new URL('./workspace.css', import.meta.url).href });
  document.head.appendChild(stylesheet);
}

/** A dialog over the page; resolves nothing, closes on its close button or Escape. */
export function dialog(title, body, className) {
  const close = () => {
    overlay.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event) => {
    if (event.key === 'Escape') close();
  };
  const overlay = h('div', { className: `gc-overlay ${className || ''}` },
    h('div', { className: 'gc-dialog', role: 'dialog', 'aria-label': title },
      h('div', { className: 'gc-dialog-head' },
        h('h3', {}, title),
        h('button', { type: 'button', className: 'close gc-close', 'aria-label': 'close', onclick: close }, '×')),
      h('div', { className: 'gc-dialog-body' }, body)));
  document.addEventListener('keydown', onKey);
  document.body.appendChild(overlay);
  return { element: overlay, close };
}
