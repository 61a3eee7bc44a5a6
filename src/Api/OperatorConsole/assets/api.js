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

// What the server offers, from its own OpenAPI document: the operations ("POST /api/v1/…/{name}/plan/pause") and the
// properties each request body accepts, so the console lights up verbs and plan settings only on servers that have
// them, without probing routes (and logging 404s).
let description = null;
export function serverDescription() {
  description ??= call('/openapi/v1.json').then(describe).catch(() => describe({}));
  return description;
}

function describe(document) {
  const paths = document.paths ?? {};
  const operations = new Set(Object.entries(paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)));
  const resolve = (schema) => {
    const ref = schema?.$ref ?? schema?.oneOf?.find((s) => s.$ref)?.$ref ?? schema?.anyOf?.find((s) => s.$ref)?.$ref;
    return ref ? document.components?.schemas?.[ref.split('/').pop()] : schema;
  };
  const requestProperties = (method, path) => {
    const content = paths[path]?.[method.toLowerCase()]?.requestBody?.content ?? {};
    const schema = resolve(Object.values(content)[0]?.schema);
    return Object.fromEntries(Object.entries(schema?.properties ?? {}).map(([name, property]) => [name, resolve(property) ?? property]));
  };
  return { operations, requestProperties };
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text }; }
}
