// GridCare: calls to GridCare's API (/api/v1) from the Tasklist plugins, with the Tasklist login (the session
// cookie) and, for changes, the webapps' CSRF token as Tasklist's own calls send it.
const appRoot = document.querySelector('base').getAttribute('app-root');
const apiRoot = appRoot.replace(/\/camunda$/, '') + '/api/v1';
const engineRoot = appRoot + '/api/engine/engine/default';

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** An answer GridCare refused: status and the problem's detail (which names the field at fault). */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

async function send(url, options) {
  const response = await fetch(url, { credentials: 'same-origin', ...options });
  const text = await response.text();
  const body = text && /json/.test(response.headers.get('content-type') || '') ? JSON.parse(text) : text;
  if (!response.ok) {
    throw new ApiError(response.status, body && (body.detail || body.message || body.title));
  }
  return body;
}

export function get(path) {
  return send(apiRoot + path, { headers: { Accept: 'application/json' } });
}

/** A POST; {@code idempotencyKey} makes a retry (double click, lost answer) return the first answer. */
export function post(path, body, idempotencyKey) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return send(apiRoot + path, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Camunda's engine API as Tasklist calls it (the user's own permissions apply). */
export function engine(path) {
  return send(engineRoot + path, { headers: { Accept: 'application/json' } });
}

export function newKey() {
  return (crypto.randomUUID && crypto.randomUUID()) || `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
