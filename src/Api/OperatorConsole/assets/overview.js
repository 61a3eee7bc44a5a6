// Overview: one row per endpoint, sortable, refreshed with every poll; problems are shown as badges in their own
// column and the row is marked, so a rollback, a parity breach or a silent instance stands out at a glance.
import { h, refresh } from './dom.js';
import { count, dash, ms, percent } from './format.js';

const columns = [
  { key: 'name', label: 'Endpoint', value: (r) => r.name },
  { key: 'percentage', label: 'Domain %', value: (r) => r.percentage, numeric: true },
  { key: 'plan', label: 'Plan', value: (r) => planText(r) },
  { key: 'requests', label: 'Requests dom / leg / fb', description: 'Requests served by the domain path / legacy path / legacy after a domain failure', value: (r) => r.requests.domain + r.requests.legacy, numeric: true },
  { key: 'errorRate', label: 'Errors', description: 'Domain error rate', value: (r) => r.errorRate, numeric: true },
  { key: 'fallbackRate', label: 'Fallbacks', description: 'Share of requests answered by legacy after a domain failure', value: (r) => r.fallbackRate, numeric: true },
  { key: 'p95', label: 'p95 dom vs leg', description: 'p95 latency of the domain path vs the legacy path', value: (r) => r.p95Domain, numeric: true },
  { key: 'parity', label: 'Parity', value: (r) => r.parityAccuracy, numeric: true },
  { key: 'dark', label: 'Write diffs', description: 'Dark-launch mismatches: commands whose rows or response differed between the paths', value: (r) => r.darkMismatches, numeric: true },
  { key: 'silent', label: 'Silent', description: 'Instances that stopped reporting evidence (n/a: this server reports only itself)', value: (r) => r.silentInstances?.length ?? null, numeric: true },
  { key: 'problems', label: 'Problems', value: (r) => r.problems.length, numeric: true },
];

const sort = { key: 'problems', descending: true };
let filter = '';

export function renderOverview(main, state) {
  const summary = h('p', { id: 'overview-summary', class: 'summary' });
  const search = h('input', { id: 'endpoint-filter', type: 'search', placeholder: 'e.g. cameras', value: filter, autocomplete: 'off' });
  const table = h('table', { class: 'overview', 'aria-describedby': 'overview-summary' });
  const body = h('tbody');
  const head = h('thead');
  table.append(h('caption', { class: 'visually-hidden' }, 'Endpoints and their migration state; column headers sort.'), head, body);
  main.replaceChildren(
    h('section', { 'aria-labelledby': 'overview-title' },
      h('div', { class: 'section-head' },
        h('h2', { id: 'overview-title' }, 'Endpoints'),
        h('div', { class: 'filter' }, h('label', { for: 'endpoint-filter' }, 'Find endpoint'), search)),
      summary,
      h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Endpoints table' }, table)));
  search.addEventListener('input', () => { filter = search.value; update(state); });

  const update = (current) => {
    const snapshot = current.snapshot;
    if (!snapshot) return;
    refresh(head, h('tr', {}, columns.map(headerCell)));
    const rows = sorted(snapshot.rows.filter((r) => r.name.toLowerCase().includes(filter.trim().toLowerCase())));
    refresh(body, rows.map(rowOf));
    const troubled = snapshot.rows.filter((r) => r.problems.length).length;
    refresh(summary,
      snapshot.killSwitchAllowsDomain ? null : h('strong', { class: 'badge badge-rollback' }, 'Kill switch: every request goes to legacy. '),
      `${snapshot.rows.length} endpoints, ${troubled} with problems. dom / leg / fb: domain / legacy / legacy-fallback. `,
      windowText(snapshot.raw.metrics),
      current.errors.metrics || current.errors.parity ? h('span', { class: 'error' }, `Some reports failed to load: ${Object.keys(current.errors).join(', ')}.`) : null);
  };

  const headerCell = (column) => h('th', {
    scope: 'col', 'aria-sort': sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : null, class: column.numeric ? 'num' : null,
  }, h('button', {
    type: 'button', class: 'sort', dataset: { key: `sort-${column.key}` }, title: column.description ? `${column.description}; sort` : 'Sort',
    onclick: () => {
      sort.descending = sort.key === column.key ? !sort.descending : column.key !== 'name';
      sort.key = column.key;
      update(state);
    },
  }, column.label, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : '')));

  update(state);
  return update;
}

function sorted(rows) {
  const column = columns.find((c) => c.key === sort.key);
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const left = column.value(a);
    const right = column.value(b);
    if (left === right) return a.name.localeCompare(b.name);
    if (left === null || left === undefined) return 1;
    if (right === null || right === undefined) return -1;
    return (typeof left === 'string' ? left.localeCompare(right) : left - right) * direction;
  });
}

function rowOf(row) {
  return h('tr', { class: row.problems.length ? 'has-problem' : null, dataset: { endpoint: row.name } },
    h('th', { scope: 'row' }, h('a', { href: `#/endpoint/${encodeURIComponent(row.name)}`, dataset: { key: `row-${row.name}` } }, row.name)),
    h('td', { class: 'num' }, percent(row.percentage, 2), h('br'), h('span', { class: 'muted small' }, row.percentageSource)),
    h('td', { class: 'plan-cell' }, planCell(row)),
    h('td', { class: 'num' }, `${count(row.requests.domain)} / ${count(row.requests.legacy)} / ${count(row.requests.fallback)}`),
    h('td', { class: 'num' }, percent(row.errorRate)),
    h('td', { class: 'num' }, percent(row.fallbackRate)),
    h('td', { class: 'num' }, `${ms(row.p95Domain)} vs ${ms(row.p95Legacy)}`),
    h('td', { class: 'num' }, row.parityCompared ? `${percent(row.parityAccuracy, 2)} of ${count(row.parityCompared)}` : dash),
    h('td', { class: 'num' }, row.darkMismatches === null ? dash : count(row.darkMismatches)),
    h('td', { class: 'num' }, row.silentInstances === null ? h('span', { class: 'muted', title: 'This server does not report instances yet' }, 'n/a') : count(row.silentInstances.length)),
    h('td', {}, row.problems.length ? row.problems.map((p) => h('span', { class: `badge badge-${p.kind}`, title: p.detail }, p.text)) : h('span', { class: 'ok' }, 'none')));
}

export function planText(row) {
  const plan = row.plan;
  if (!plan) return '';
  const steps = plan.settings?.steps ?? [];
  return `${plan.state} ${plan.current_step_index + 1}/${steps.length}`;
}

function planCell(row) {
  const plan = row.plan;
  if (!plan) return h('span', { class: 'muted' }, 'no plan');
  const steps = plan.settings?.steps ?? [];
  return [h('span', { class: `state state-${plan.state}` }, plan.state), h('br'),
    h('span', { class: 'small' }, `step ${plan.current_step_index + 1}/${steps.length} (${steps[plan.current_step_index]} %)`)];
}

function windowText(metrics) {
  if (!metrics?.window_from) return 'Counts are this instance\'s since it started. ';
  const minutes = Math.round((new Date(metrics.window_to) - new Date(metrics.window_from)) / 60000);
  const instances = metrics.instances ?? [];
  const silent = instances.filter((i) => i.silent).length;
  return `Counts are the cluster's last ${minutes} min: ${instances.length} instance(s) reporting${silent ? `, ${silent} silent` : ''}. `;
}
