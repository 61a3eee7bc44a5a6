// Polls the operator API and turns its reports into one row per endpoint. The reports are read as they are:
// fields a newer server adds (cluster instances, verdict history, offered verbs) are used when present.
import { call, prefix } from './api.js';
import { ratio } from './format.js';

export const pollMilliseconds = 3000;
const historyMilliseconds = 60 * 60 * 1000;
const defaultMinParityPercent = 99;

const listeners = new Set();
let timer = null;
let inFlight = false;

export const state = {
  session: null,
  snapshot: null,
  errors: {},
  lastUpdated: null,
  // endpoint → samples accumulated by this tab while it is open (see docs/operations.md: no series endpoint yet).
  history: new Map(),
  // endpoint → every plan evaluation this tab has seen (the plan report keeps only the last one, unless the server
  // sends a history of its own), keyed by plan and time.
  verdicts: new Map(),
  windowed: false,
};

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function start() {
  stop();
  const tick = async () => {
    await pollOnce();
    timer = setTimeout(tick, pollMilliseconds);
  };
  tick();
}

export function stop() {
  clearTimeout(timer);
  timer = null;
}

export function reset() {
  stop();
  state.session = null;
  state.snapshot = null;
  state.errors = {};
  state.history.clear();
  state.verdicts.clear();
  state.windowed = false;
}

export async function pollOnce() {
  if (inFlight) return;
  inFlight = true;
  try {
    const reads = {
      endpoints: call(`${prefix}/endpoints`),
      metrics: call(`${prefix}/metrics`),
      parity: call(`${prefix}/parity`),
      plans: call(`${prefix}/plans`),
      audit: call(`${prefix}/audit`, { query: { limit: 500 } }),
      darkLaunch: call('/api/v1/admin/dark-launch'),
    };
    // A server whose reports cover a window of cluster evidence (window_from/window_to) is also asked for the last
    // minute, which the charts draw; a server with counters since start gets its rates from consecutive polls.
    if (state.windowed) {
      reads.metricsMinute = call(`${prefix}/metrics`, { query: { window_minutes: 1 } });
      reads.parityMinute = call(`${prefix}/parity`, { query: { window_minutes: 1 } });
    }
    const names = Object.keys(reads);
    const results = await Promise.allSettled(Object.values(reads));
    const raw = {};
    state.errors = {};
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') raw[names[i]] = result.value;
      else state.errors[names[i]] = result.reason;
    });
    if (!raw.endpoints) {
      notify();
      return;
    }
    state.windowed = Boolean(raw.metrics?.window_from);
    state.snapshot = buildSnapshot(raw, new Date());
    state.lastUpdated = new Date();
    record(state.snapshot);
  } finally {
    inFlight = false;
  }
  notify();
}

function notify() {
  for (const listener of listeners) listener(state);
}

export function buildSnapshot(raw, now) {
  const byName = (items, key = 'endpoint') => new Map((items ?? []).map((item) => [item[key], item]));
  const metrics = byName(raw.metrics?.endpoints);
  const parity = byName(raw.parity?.endpoints);
  const dark = byName(raw.darkLaunch?.endpoints);
  const plans = raw.plans?.plans ?? [];
  const audit = raw.audit?.entries ?? [];
  const rows = raw.endpoints.endpoints.map((config) =>
    buildRow(config, metrics.get(config.endpoint), parity.get(config.endpoint), dark.get(config.endpoint),
      plans.filter((p) => p.endpoint === config.endpoint), audit.filter((a) => a.endpoint === config.endpoint), raw.metrics));
  return {
    takenAt: now,
    killSwitchAllowsDomain: raw.endpoints.kill_switch_allows_domain !== false,
    rows,
    raw,
  };
}

function buildRow(config, metrics, parity, dark, plans, audit, metricsReport) {
  const { domain, legacy, fallback } = pathsOf(metrics);
  const total = (domain.requests ?? 0) + (legacy.requests ?? 0);
  const plan = latestPlan(plans);
  const minParity = plan?.settings?.min_parity_percent ?? defaultMinParityPercent;
  const instances = metrics?.instances ?? metricsReport?.instances ?? null;
  const silent = instances ? instances.filter((i) => i.silent).map((i) => i.instance_id ?? i.id ?? '?') : null;
  const row = {
    name: config.endpoint,
    config,
    percentage: config.percentage,
    percentageSource: config.sources?.percentage ?? 'default',
    plan,
    plans,
    audit,
    requests: { domain: domain.requests ?? 0, legacy: legacy.requests ?? 0, fallback: fallback.requests ?? 0 },
    paths: { domain, legacy, fallback },
    errorRate: ratio(domain.errors ?? 0, domain.requests ?? 0),
    fallbackRate: ratio(metrics?.fallbacks ?? fallback.requests ?? 0, total),
    p95Domain: domain.p95_ms ?? null,
    p95Legacy: legacy.p95_ms ?? null,
    parity,
    parityAccuracy: parity?.accuracy_percent ?? null,
    parityCompared: parity?.compared ?? 0,
    minParity,
    dark,
    darkMismatches: dark ? dark.mismatches : null,
    instances,
    silentInstances: silent,
    metrics,
  };
  row.problems = problemsOf(row);
  return row;
}

// The latest plan of the endpoint: an active (or paused) one if there is one, else the most recent.
function latestPlan(plans) {
  const open = plans.find((p) => !p.ended_at);
  if (open) return open;
  return [...plans].sort((a, b) => new Date(b.created_at) - new Date(a.created_at))[0] ?? null;
}

function problemsOf(row) {
  const problems = [];
  if (row.plan?.state === 'rolled_back') problems.push({ kind: 'rollback', text: 'rolled back', detail: row.plan.end_reason });
  if (row.parityAccuracy !== null && row.parityCompared > 0 && row.parityAccuracy < row.minParity) {
    problems.push({ kind: 'parity', text: `parity < ${row.minParity} %`, detail: `accuracy ${row.parityAccuracy} % over ${row.parityCompared} samples` });
  }
  if (row.silentInstances?.length) {
    problems.push({ kind: 'silent', text: `${row.silentInstances.length} silent`, detail: `not reporting: ${row.silentInstances.join(', ')}` });
  }
  if (row.darkMismatches > 0) problems.push({ kind: 'dark', text: 'write diffs', detail: `${row.darkMismatches} dark-launch mismatches` });
  return problems;
}

// One sample per poll and endpoint, already as rates: from the last-minute report on a windowed server, else from
// the difference with the previous poll (counters since start; a counter that went down means a restart: no point).
function record(snapshot) {
  const cutoff = snapshot.takenAt.getTime() - historyMilliseconds;
  const minute = snapshot.raw.metricsMinute;
  const minuteMetrics = new Map((minute?.endpoints ?? []).map((m) => [m.endpoint, m]));
  const minuteParity = new Map((snapshot.raw.parityMinute?.endpoints ?? []).map((p) => [p.endpoint, p]));
  const minuteLength = minute ? (new Date(minute.window_to) - new Date(minute.window_from)) / 60000 : 0;
  for (const row of snapshot.rows) {
    const samples = state.history.get(row.name) ?? [];
    const t = snapshot.takenAt.getTime();
    const counters = {
      paths: Object.fromEntries(Object.entries(row.paths).map(([name, p]) => [name, { requests: p.requests ?? 0, errors: p.errors ?? 0 }])),
      parityCompared: row.parityCompared,
      parityMatched: row.parity?.matched ?? 0,
    };
    const sample = { t, counters, percentage: row.percentage, overallParity: row.parityAccuracy, paths: {}, parity: null };
    if (minute) {
      const paths = pathsOf(minuteMetrics.get(row.name));
      for (const [name, p] of Object.entries(paths)) {
        sample.paths[name] = {
          perMinute: minuteLength > 0 ? (p.requests ?? 0) / minuteLength : null,
          errorRate: ratio(p.errors ?? 0, p.requests ?? 0), p50: p.p50_ms ?? null, p95: p.p95_ms ?? null,
        };
      }
      sample.parity = minuteParity.get(row.name)?.accuracy_percent ?? null;
    } else {
      const previous = samples.at(-1)?.counters;
      const seconds = samples.length ? (t - samples.at(-1).t) / 1000 : 0;
      for (const [name, p] of Object.entries(row.paths)) {
        const before = previous?.paths[name];
        const requests = before && p.requests >= before.requests ? (p.requests ?? 0) - before.requests : null;
        const errors = before && p.errors >= before.errors ? (p.errors ?? 0) - before.errors : null;
        sample.paths[name] = {
          perMinute: requests === null || seconds <= 0 ? null : (requests * 60) / seconds,
          errorRate: requests ? ratio(errors ?? 0, requests) : null, p50: p.p50_ms ?? null, p95: p.p95_ms ?? null,
        };
      }
      const compared = previous ? counters.parityCompared - previous.parityCompared : 0;
      sample.parity = compared > 0 ? ratio(counters.parityMatched - previous.parityMatched, compared) : null;
    }
    samples.push(sample);
    while (samples.length && samples[0].t < cutoff) samples.shift();
    state.history.set(row.name, samples);
    const seen = state.verdicts.get(row.name) ?? new Map();
    for (const plan of row.plans) {
      for (const evaluation of evaluationsOf(plan)) seen.set(`${plan.id}@${evaluation.evaluated_at}`, { plan: plan.id, ...evaluation });
    }
    state.verdicts.set(row.name, seen);
  }
}

function pathsOf(metrics) {
  const paths = Object.fromEntries((metrics?.paths ?? []).map((p) => [p.path, p]));
  return { domain: paths.domain ?? {}, legacy: paths.legacy ?? {}, fallback: paths['legacy-fallback'] ?? {} };
}

// The judge's full verdict history when the server reports one, else the last evaluation.
export function evaluationsOf(plan) {
  const history = plan.evaluations ?? plan.verdicts ?? plan.history;
  if (Array.isArray(history)) return history;
  return plan.last_evaluation ? [plan.last_evaluation] : [];
}
