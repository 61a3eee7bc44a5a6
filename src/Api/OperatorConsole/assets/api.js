// The operator API as the console uses it. The key lives in sessionStorage (gone when the tab closes) and only
// ever travels in the Authorization header, never in a URL.
const storageKey = 'cameramonitor.console.key';
export const prefix = '/api/v1/admin/rollout';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  // Validation problems list each field; show them all, not just the title.
  describe() {
    const errors = this.problem?.errors;
    if (!errors) return this.message;
    return Object.entries(errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`).join('; ');
  }
}

export const credentials = {
  get: () => sessionStorage.getItem(storageKey),
  set: (key) => sessionStorage.setItem(storageKey, key),
  clear: () => sessionStorage.removeItem(storageKey),
};

export async function call(path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const headers = { Accept: 'application/json' };
  const key = credentials.get();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

// The operations the server offers, from its own OpenAPI document ("POST /api/v1/…/{name}/plan/pause"), so the
// console lights up verbs only on servers that have them, without probing routes (and logging 404s).
let offered = null;
export async function offeredOperations() {
  offered ??= call('/openapi/v1.json').then((document) => new Set(Object.entries(document.paths ?? {})
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))))
    .catch(() => new Set());
  return offered;
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text }; }
}
