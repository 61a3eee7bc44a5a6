// Endpoint page: the evidence (charts of the last hour, plan timeline, parity and dark-launch differences, audit
// trail) with the actions beside it.
import { endpointActions, detectVerbs } from './actions.js';
import { lineChart } from './charts.js';
import { confirmAction } from './dialog.js';
import { h, refresh } from './dom.js';
import { count, dash, list, ms, percent, time } from './format.js';
import { planText } from './overview.js';
import { pollOnce } from './store.js';

const minute = 60 * 1000;
const hour = 60 * minute;
const pathNames = { domain: 'domain', legacy: 'legacy', fallback: 'legacy-fallback' };

export function renderEndpoint(main, state, name) {
  const title = h('h2', { id: 'endpoint-title', tabindex: '-1' }, name);
  const status = h('p', { class: 'summary', id: 'endpoint-status' });
  const actions = h('div', { class: 'actions', id: 'actions' });
  const charts = h('div', { class: 'charts' });
  const chartNote = h('p', { class: 'muted small' });
  const timeline = h('div');
  const instances = h('div');
  const parity = h('div');
  const dark = h('div');
  const audit = h('div');
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/' }, '← All endpoints')),
    title,
    status,
    h('div', { class: 'endpoint-layout' },
      h('div', { class: 'evidence' },
        section('charts', 'Last hour', chartNote, charts),
        section('timeline', 'Plan timeline', timeline),
        section('instances', 'Instances and evidence groups', instances),
        section('parity', 'Parity differences', parity),
        section('dark', 'Dark-launch differences', dark),
        section('audit', 'Audit trail', audit)),
      h('aside', { class: 'actions-panel', 'aria-labelledby': 'actions-title' }, h('h3', { id: 'actions-title' }, 'Actions'), actions)));
  title.focus();
  detectVerbs().then(() => update(state));

  const update = (current) => {
    const row = current.snapshot?.rows.find((r) => r.name === name);
    if (!row) {
      refresh(status, current.snapshot ? `No endpoint named ${name}.` : 'Loading…');
      return;
    }
    refresh(status,
      h('strong', {}, percent(row.percentage, 2)), ` on domain (${row.percentageSource})`,
      row.plan ? [' · plan #', row.plan.id, ' ', planText(row)] : ' · no plan',
      row.problems.map((p) => [' ', h('span', { class: `badge badge-${p.kind}`, title: p.detail }, p.text)]));
    refresh(actions, actionButtons(row, current.session));
    renderCharts(charts, chartNote, row, current);
    refresh(timeline, planTimeline(row, current));
    refresh(instances, instanceTable(row));
    refresh(parity, parityDetails(row));
    refresh(dark, darkDetails(row));
    refresh(audit, auditTable(row.audit));
  };
  update(state);
  return update;
}

function section(id, label, ...children) {
  return h('section', { 'aria-labelledby': `${id}-title`, id: `section-${id}` }, h('h3', { id: `${id}-title` }, label), ...children);
}

function actionButtons(row, session) {
  const readOnly = session && !session.can_change_rollout;
  const note = readOnly
    ? h('p', { class: 'note', id: 'read-only-note' }, `Read-only: you are signed in as ${session.name} (${list(session.roles)}); every action ${session.change_requires ?? 'needs operator'}.`)
    : null;
  return [note, h('ul', { class: 'action-list' }, endpointActions(row).map((action) => {
    const why = readOnly ? `Disabled: ${session.change_requires ?? 'needs operator'} — ${session.name} may only read.` : action.disabledReason ? `Unavailable: ${action.disabledReason}.` : null;
    return h('li', {}, h('button', {
      type: 'button', class: action.danger ? 'danger' : 'secondary', id: `action-${action.id}`, dataset: { key: `action-${action.id}` },
      'aria-disabled': why ? 'true' : null, title: why ?? action.effect(Object.fromEntries((action.fields ?? []).map((f) => [f.name, f.value ?? '']))),
      onclick: () => { if (!why) confirmAction(action, pollOnce); },
    }, action.label), why && !readOnly ? h('span', { class: 'why small muted' }, why) : null);
  }))];
}

function renderCharts(container, note, row, current) {
  const samples = current.history.get(row.name) ?? [];
  // The axis spans what this tab has seen (at least a minute), up to the last hour, so a fresh page is not a sliver.
  const to = Date.now();
  const from = Math.max(to - hour, Math.min(samples[0]?.t ?? to, to - minute));
  const markers = markersOf(row, current);
  const perPath = (field) => Object.keys(pathNames).map((path) => ({
    name: pathNames[path], points: samples.map((sample) => ({ t: sample.t, v: sample.paths[path]?.[field] ?? null })),
  }));
  const latency = (quantile) => ['domain', 'legacy'].map((path) => ({
    name: `${path} ${quantile}`, points: samples.map((sample) => ({ t: sample.t, v: sample.paths[path]?.[quantile] ?? null })),
  }));
  const source = current.windowed ? 'each point is the cluster\'s last minute' : 'rates from the counters\' change between polls';
  refresh(note, samples.length < 2
    ? 'Collecting: this page draws from the samples this tab takes every few seconds while it is open (the server keeps no time series).'
    : `From ${samples.length} samples this tab took since ${new Date(samples[0].t).toISOString().slice(11, 19)} UTC (${source}); vertical lines mark plan steps, verdicts and changes.`);
  refresh(container,
    lineChart({ title: 'Requests by path', unit: 'per minute', from, to, markers, series: perPath('perMinute') }),
    lineChart({ title: 'Error rate by path', unit: '%', from, to, markers, series: perPath('errorRate') }),
    lineChart({ title: 'Latency p50 / p95 by path', unit: 'ms', from, to, markers, series: [...latency('p50'), ...latency('p95')] }),
    lineChart({ title: 'Parity accuracy', unit: '%', from, to, markers, max: 100, series: [
      { name: current.windowed ? 'report window' : 'since start', points: samples.map((sample) => ({ t: sample.t, v: sample.overallParity })) },
      { name: current.windowed ? 'last minute' : 'per interval', points: samples.map((sample) => ({ t: sample.t, v: sample.parity })) },
      { name: `threshold ${row.minParity} %`, points: [{ t: from, v: row.minParity }, { t: to, v: row.minParity }] },
    ] }));
}

function markersOf(row, current) {
  const fromAudit = row.audit.map((entry) => ({
    t: new Date(entry.changed_at).getTime(),
    kind: entry.new_value?.percentage === 0 ? 'rollback' : /plan/i.test(entry.reason ?? '') || /plan/i.test(entry.changed_by) ? 'plan' : 'change',
    label: `${entry.changed_by}: ${describeChange(entry)}${entry.reason ? ` — ${entry.reason}` : ''}`,
  }));
  const verdicts = [...(current.verdicts.get(row.name)?.values() ?? [])]
    .filter((v) => v.verdict !== 'hold')
    .map((v) => ({ t: new Date(v.evaluated_at).getTime(), kind: v.verdict === 'rollback' ? 'rollback' : 'plan', label: `${v.verdict}: ${v.reason}` }));
  return [...fromAudit, ...verdicts];
}

function planTimeline(row, current) {
  if (!row.plans.length) return h('p', { class: 'muted' }, 'No plan has run for this endpoint.');
  const seen = [...(current.verdicts.get(row.name)?.values() ?? [])];
  return h('ol', { class: 'timeline', reversed: true }, row.plans.map((plan) => {
    const steps = plan.settings?.steps ?? [];
    const planAudit = row.audit.filter((a) => new Date(a.changed_at) >= new Date(plan.created_at)
      && (!plan.ended_at || new Date(a.changed_at) <= new Date(plan.ended_at)));
    const events = [
      ...planAudit.map((a) => ({ at: a.changed_at, kind: a.new_value?.percentage === 0 ? 'rollback' : 'change', text: `${a.changed_by}: ${describeChange(a)}`, reason: a.reason })),
      ...latestHoldOnly(seen.filter((v) => v.plan === plan.id)).map((v) => ({ at: v.evaluated_at, kind: v.verdict, text: `verdict ${v.verdict} at ${v.percentage} % (step ${v.step_index + 1})`, reason: v.reason, measured: v.measured })),
    ].sort((a, b) => new Date(b.at) - new Date(a.at));
    return h('li', { class: 'plan' },
      h('p', {}, h('strong', {}, `Plan #${plan.id}`), ' ', h('span', { class: `state state-${plan.state}` }, plan.state),
        ` · steps ${steps.join(' → ')} % · now step ${plan.current_step_index + 1} (${steps[plan.current_step_index]} %) since ${time(plan.step_started_at)}`,
        ` · started ${time(plan.created_at)} by ${plan.created_by}`),
      plan.settings ? h('p', { class: 'small muted' }, thresholds(plan.settings)) : null,
      plan.end_reason ? h('p', { class: 'reason' }, `Ended ${time(plan.ended_at)}: ${plan.end_reason}`) : null,
      h('ul', { class: 'events' }, events.map((e) => h('li', { class: `event event-${e.kind}` },
        h('time', { datetime: e.at }, time(e.at)), ' ', e.text, e.reason ? h('div', { class: 'reason' }, e.reason) : null))));
  }));
}

// A plan holds at every evaluation until its window ends; only the latest hold is news, every other verdict is kept.
function latestHoldOnly(evaluations) {
  const holds = evaluations.filter((v) => v.verdict === 'hold');
  const latest = holds.reduce((a, b) => (a && new Date(a.evaluated_at) > new Date(b.evaluated_at) ? a : b), null);
  return evaluations.filter((v) => v.verdict !== 'hold' || v === latest);
}

const describedSettings = ['steps', 'observation_seconds', 'min_requests', 'max_error_rate_percent', 'min_success_rate_percent',
  'max_p95_increase_percent', 'min_p95_delta_ms', 'min_parity_percent'];

function thresholds(settings) {
  const others = Object.entries(settings).filter(([name, value]) => !describedSettings.includes(name) && value !== null
    && !(Array.isArray(value) && !value.length)).map(([name, value]) => `${name.replaceAll('_', ' ')} ${Array.isArray(value) ? value.join(', ') : value}`);
  return `window ${settings.observation_seconds} s, ≥ ${settings.min_requests} domain requests, errors ≤ ${settings.max_error_rate_percent} %, `
    + `success ≥ ${settings.min_success_rate_percent} %, p95 ≤ +${settings.max_p95_increase_percent} % (ignoring < ${settings.min_p95_delta_ms} ms), `
    + `parity ≥ ${settings.min_parity_percent} %${others.length ? `; ${others.join(', ')}` : ''}`;
}

function instanceTable(row) {
  const groups = row.metrics?.split ? evidenceGroups(row.metrics) : null;
  if (!row.instances) return [h('p', { class: 'muted' }, 'This server reports its own counts only (no per-instance breakdown).'), groups];
  return [
    table(['Instance', 'Last report', 'Requests', 'Failures', 'Status'], row.instances.map((i) => [
      i.instance_id ?? i.id, time(i.last_report_at), count(i.requests), count(i.failures),
      i.silent ? h('span', { class: 'badge badge-silent' }, 'silent: not health') : 'reporting',
    ]), 'instances-table'),
    groups,
  ];
}

// Requests the percentage split routed (the evidence plans judge) and those steered by force_domain, a list or the
// kill switch (reported, never judged).
function evidenceGroups(metrics) {
  const rows = [['split', metrics.split], ['steered', metrics.steered]].flatMap(([group, paths]) => (paths ?? []).map((p) => [
    group, p.path, count(p.requests), count(p.errors), ms(p.p50_ms), ms(p.p95_ms)]));
  return [h('h4', {}, 'Evidence by routing group'),
    rows.length ? table(['Group', 'Path', 'Requests', 'Errors', 'p50', 'p95'], rows) : h('p', { class: 'muted' }, 'No requests in the window.')];
}

function parityDetails(row) {
  const report = row.parity;
  if (!report) return h('p', { class: 'muted' }, 'No parity report for this endpoint.');
  const noisy = Object.entries(report.non_deterministic_fields ?? {});
  const mismatched = Object.entries(report.mismatched_fields ?? {});
  return [
    h('p', {}, `${count(report.compared)} compared, ${count(report.matched)} matched, accuracy ${percent(report.accuracy_percent, 2)} (threshold ${row.minParity} %); sample rate ${row.config.parity_sample_rate} %.`),
    h('h4', {}, 'Recent differences'),
    report.recent_diffs?.length
      ? table(['Field path', 'Domain value', 'Legacy value', 'Observed'], report.recent_diffs.map((d) => [h('code', {}, d.path), h('code', {}, d.domain_value ?? dash), h('code', {}, d.legacy_value ?? dash), time(d.observed_at)]))
      : h('p', { class: 'muted' }, 'No differences recorded.'),
    report.fields?.length ? [
      h('h4', {}, 'Fields that differed'),
      table(['Field', 'Differed (A/B)', 'Noise (A/A)', 'Counted as mismatch', 'Noisy since'], report.fields.map((f) => [
        h('code', {}, f.field), percent(f.differed_rate * 100, 2), percent(f.noise_rate * 100, 2), percent(f.mismatch_rate * 100, 2),
        f.noisy_since ? time(f.noisy_since) : 'deterministic']), 'parity-fields'),
    ] : null,
    h('h4', {}, 'Mismatched fields'),
    mismatched.length ? table(['Field', 'Samples'], mismatched.map(([field, n]) => [h('code', {}, field), count(n)])) : h('p', { class: 'muted' }, 'None.'),
    h('h4', {}, 'Noisy fields (differ between two runs of the same path; not counted)'),
    noisy.length ? table(['Field', 'Noise rate'], noisy.map(([field, rate]) => [h('code', {}, field), percent(rate * 100)])) : h('p', { class: 'muted' }, 'None.'),
  ];
}

function darkDetails(row) {
  const report = row.dark;
  if (!report) return h('p', { class: 'muted' }, 'Not a command, or no dark launch configured for this endpoint.');
  const diffs = (report.recent_mismatches ?? []).flatMap((m) => [
    ...m.row_diffs.map((d) => ['row', d, m]), ...m.response_diffs.map((d) => ['response', d, m])]);
  return [
    h('p', {}, `Sample rate ${report.sample_rate} %${report.ignored_fields?.length ? ` (ignoring ${report.ignored_fields.join(', ')})` : ''}: ${count(report.sampled)} sampled, ${count(report.compared)} compared, ${count(report.mismatches)} mismatches, ${count(report.shadow_failures)} shadow failures, ${count(report.skipped)} skipped.`),
    diffs.length
      ? table(['Kind', 'Path', 'Domain value', 'Legacy value', 'Real path', 'Observed'], diffs.map(([kind, d, m]) => [kind, h('code', {}, d.path), h('code', {}, d.domain_value ?? dash), h('code', {}, d.legacy_value ?? dash), m.real_path, time(m.observed_at)]))
      : h('p', { class: 'muted' }, 'No row or response differences recorded.'),
  ];
}

function auditTable(entries) {
  if (!entries.length) return h('p', { class: 'muted' }, 'No changes recorded.');
  return table(['When', 'Who', 'Change', 'Reason'], entries.map((e) => [time(e.changed_at), e.changed_by, describeChange(e), e.reason ?? dash]), 'audit-table');
}

export function describeChange(entry) {
  const before = entry.old_value ?? {};
  const after = entry.new_value ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k.replaceAll('_', ' ')} ${show(before[k])} → ${show(after[k])}`);
  if (!entry.new_value) return 'override removed';
  return changes.length ? changes.join('; ') : 'no change';
}

function show(value) {
  if (value === undefined || value === null) return 'unset';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function table(headers, rows, id) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': headers.join(', ') },
    h('table', { id }, h('thead', {}, h('tr', {}, headers.map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}
