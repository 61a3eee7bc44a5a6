// What an operator can do to one endpoint, each with the effect it states before it runs. Routes are those of
// the operator API; plan verbs (pause, resume, promote now, abort) light up only when the server offers them.
import { call, prefix, serverDescription } from './api.js';
import { list } from './format.js';

export const planVerbs = ['pause', 'resume', 'promote', 'abort'];
const verbLabels = { pause: 'Pause plan', resume: 'Resume plan', promote: 'Promote now', abort: 'Abort plan' };
const verbEffects = {
  pause: (row) => `Pauses plan #${row.plan?.id}: the percentage stays at ${row.percentage} % and no verdict moves it until resumed.`,
  resume: (row) => `Resumes plan #${row.plan?.id}: the judge evaluates the current step again.`,
  promote: (row) => `Skips the rest of the current window of plan #${row.plan?.id} and moves to the next step now.`,
  abort: (row) => `Ends plan #${row.plan?.id} and sets ${row.name} to 0 %: every request is served by legacy.`,
};

const verbRoutes = new Map();
let planBody = {};

// Which verbs this server has and which plan settings it accepts, from its OpenAPI document (once per session).
export async function detectVerbs() {
  const server = await serverDescription();
  const posts = [...server.operations].filter((o) => o.startsWith(`POST ${prefix}/`)).map((o) => o.slice('POST '.length));
  for (const verb of planVerbs) {
    const names = verb === 'promote' ? ['promote', 'promote-now', 'promote_now'] : [verb];
    // A route per verb (…/plan/pause), or one route with the verb as its last segment (…/plan/{verb}).
    const own = posts.find((path) => /\{name\}|\{id\}|\{plan_id\}/.test(path) && names.some((n) => path.endsWith(`/${n}`)));
    const templated = posts.find((path) => /\{name\}/.test(path) && path.endsWith('/plan/{verb}'));
    verbRoutes.set(verb, own ?? (templated ? templated.replace('{verb}', verb) : null));
  }
  planBody = server.requestProperties('POST', `${prefix}/endpoints/{name}/plan`);
}

export function forgetVerbs() {
  verbRoutes.clear();
  planBody = {};
}

// A plan report may list the verbs it accepts now; without that list, a verb is offered when its route exists and
// the plan's state allows it.
function verbAvailability(row, verb) {
  const plan = row.plan;
  const offered = plan?.available_actions ?? plan?.actions ?? plan?.verbs;
  if (Array.isArray(offered)) {
    return offered.includes(verb) ? null : `the plan does not offer "${verb}" in state ${plan.state}`;
  }
  if (!verbRoutes.get(verb)) return 'this server has no such verb yet';
  const open = plan && !plan.ended_at;
  if (!open) return 'no active plan';
  const paused = plan.state === 'paused';
  if (verb === 'resume' && !paused) return 'the plan is not paused';
  if (verb === 'pause' && paused) return 'the plan is already paused';
  if (verb === 'promote' && paused) return 'the plan is paused';
  return null;
}

const splitList = (text) => text.split(/[\s,]+/).map((item) => item.trim()).filter(Boolean);
const endpointPath = (row) => `${prefix}/endpoints/${encodeURIComponent(row.name)}`;

export function endpointActions(row) {
  const settings = row.plan?.settings;
  const openPlan = row.plan && !row.plan.ended_at ? row.plan : null;
  const actions = [
    {
      id: 'set-percentage', label: 'Set percentage',
      fields: [{ name: 'percentage', label: 'Domain share (%)', type: 'number', min: 0, max: 100, step: 'any', value: row.percentage,
        help: 'Sticky per client: a client on domain at 10 % stays there at 25 %.' }],
      effect: (v) => `Routes ${v.percentage === '' ? '?' : v.percentage} % of ${row.name}'s clients to the domain path (now ${row.percentage} %, from ${row.percentageSource}). Live on every instance within seconds.`
        + (openPlan ? ` Cancels plan #${openPlan.id} first: a manual percentage wins over the plan.` : ''),
      run: (v, reason) => call(endpointPath(row), { method: 'PUT', body: { percentage: Number(v.percentage), reason } }),
    },
    {
      id: 'set-lists', label: 'Allow / deny lists',
      fields: [
        { name: 'allow', label: 'Allow list: client keys always on domain', type: 'textarea', value: row.config.allow.join('\n'), help: 'One per line or comma-separated; empty clears the list.' },
        { name: 'deny', label: 'Deny list: client keys always on legacy', type: 'textarea', value: row.config.deny.join('\n') },
      ],
      effect: (v) => `Allow: ${list(splitList(v.allow))}. Deny: ${list(splitList(v.deny))}. These clients bypass the percentage; their requests are not evidence about it.`,
      run: (v, reason) => call(endpointPath(row), { method: 'PUT', body: { allow: splitList(v.allow), deny: splitList(v.deny), reason } }),
    },
    {
      id: 'set-parity', label: 'Parity sample rate',
      fields: [{ name: 'rate', label: 'Share of queries shadowed and compared (%)', type: 'number', min: 0, max: 100, step: 'any', value: row.config.parity_sample_rate }],
      effect: (v) => `Shadows ${v.rate === '' ? '?' : v.rate} % of ${row.name}'s queries on the other path and compares the answers (now ${row.config.parity_sample_rate} %). Each sample costs one extra query.`,
      run: (v, reason) => call(endpointPath(row), { method: 'PUT', body: { parity_sample_rate: Number(v.rate), reason } }),
    },
    {
      id: 'set-dark-launch', label: 'Dark-launch settings',
      disabledReason: 'dark_launch_sample_rate' in row.config ? null : 'this server reads dark-launch settings from configuration only',
      fields: [
        { name: 'rate', label: 'Share of commands dark-launched on the other path (%)', type: 'number', min: 0, max: 100, step: 'any', value: row.config.dark_launch_sample_rate ?? 0 },
        { name: 'ignored', label: 'Ignored fields', type: 'textarea', value: (row.config.dark_launch_ignored_fields ?? []).join('\n'), help: 'Response fields or table.column names not compared.' },
      ],
      effect: (v) => `Runs ${v.rate === '' ? '?' : v.rate} % of ${row.name}'s commands also on the other path in a transaction that is always rolled back, and compares answers and rows (now ${row.config.dark_launch_sample_rate ?? 0} %).`,
      run: (v, reason) => call(endpointPath(row), { method: 'PUT', body: { dark_launch_sample_rate: Number(v.rate), dark_launch_ignored_fields: splitList(v.ignored), reason } }),
    },
    startPlanAction(row, settings, openPlan),
    ...planVerbs.map((verb) => ({
      id: `plan-${verb}`, label: verbLabels[verb], danger: verb === 'abort',
      disabledReason: verbAvailability(row, verb),
      effect: () => verbEffects[verb](row),
      // The reason goes both ways (query and body), whichever the verb's route binds.
      run: (_, reason) => call(verbRoutes.get(verb).replace('{name}', encodeURIComponent(row.name))
        .replace(/\{(id|plan_id)\}/, row.plan?.id), { method: 'POST', query: { reason }, body: { reason } }),
    })),
    {
      id: 'cancel-plan', label: 'Cancel plan',
      disabledReason: openPlan ? null : 'no active plan',
      effect: () => `Stops plan #${openPlan?.id} where it is: the percentage stays at ${row.percentage} % and no further verdict is taken.`,
      run: (_, reason) => call(`${endpointPath(row)}/plan`, { method: 'DELETE', query: { reason } }),
    },
    {
      id: 'drop-override', label: 'Drop run-time override',
      disabledReason: Object.values(row.config.sources ?? {}).includes('override') ? null : 'no run-time override is set',
      effect: () => `Removes every run-time setting of ${row.name}: it goes back to appsettings / ROLLOUT_PERCENT`
        + (openPlan ? `, and cancels plan #${openPlan.id} first.` : '.'),
      run: (_, reason) => call(endpointPath(row), { method: 'DELETE', query: { reason } }),
    },
    {
      id: 'rollback', label: 'Roll back', danger: true, defaultReason: 'rolled back from the console',
      effect: () => `Sets ${row.name} to 0 % at once (now ${row.percentage} %)`
        + (openPlan ? ` and cancels plan #${openPlan.id}` : '') + ': every request is served by legacy.',
      run: (_, reason) => call(`${endpointPath(row)}/rollback`, { method: 'POST', query: { reason } }),
    },
  ];
  return actions;
}

const knownPlanFields = (settings) => [
  { name: 'steps', label: 'Steps (%)', value: (settings?.steps ?? [5, 10, 25, 50, 100]).join(', ') },
  { name: 'observation_seconds', label: 'Observation window per step (s)', type: 'number', min: 1, value: settings?.observation_seconds ?? 300 },
  { name: 'min_requests', label: 'Minimum domain requests per step', type: 'number', min: 1, value: settings?.min_requests ?? '' },
  { name: 'max_error_rate_percent', label: 'Maximum domain error rate (%)', type: 'number', min: 0, max: 100, step: 'any', value: settings?.max_error_rate_percent ?? 5 },
  { name: 'min_success_rate_percent', label: 'Minimum success rate (%)', type: 'number', min: 0, max: 100, step: 'any', value: settings?.min_success_rate_percent ?? 95 },
  { name: 'max_p95_increase_percent', label: 'Maximum p95 increase over legacy (%)', type: 'number', min: 0, step: 'any', value: settings?.max_p95_increase_percent ?? '' },
  { name: 'min_p95_delta_ms', label: 'Ignore p95 differences below (ms)', type: 'number', min: 0, step: 'any', value: settings?.min_p95_delta_ms ?? 5 },
  { name: 'min_parity_percent', label: 'Minimum parity accuracy (%)', type: 'number', min: 0, max: 100, step: 'any', value: settings?.min_parity_percent ?? 99 },
];

// Settings the server's plan body accepts beyond the ones above (the judge's knobs, for instance), as generic fields;
// left blank, a setting takes the server's default.
function extraPlanFields(known, settings) {
  return Object.entries(planBody).filter(([name]) => !known.has(name) && name !== 'reason').map(([name, schema]) => {
    const types = [].concat(schema.type ?? []);
    const kind = types.includes('boolean') ? 'boolean' : types.includes('array') ? 'array'
      : types.some((t) => t === 'number' || t === 'integer') ? 'number' : 'text';
    const current = settings?.[name];
    return {
      name, kind, label: humanize(name), type: kind === 'boolean' ? 'checkbox' : kind === 'number' ? 'number' : 'text', step: 'any',
      value: kind === 'boolean' ? current === true : Array.isArray(current) ? current.join(', ') : current ?? '',
      help: schema.description ?? (kind === 'array' ? 'Comma-separated; blank: the server default.' : 'Blank: the server default.'),
    };
  });
}

function startPlanAction(row, settings, openPlan) {
  const known = knownPlanFields(settings);
  const extra = extraPlanFields(new Set(known.map((f) => f.name)), settings);
  return {
    id: 'start-plan', label: 'Start plan',
    disabledReason: openPlan ? `plan #${openPlan.id} is already ${openPlan.state}` : null,
    fields: [...known, ...extra],
    effect: (v) => (v.dry_run === 'true'
      ? `Dry run: judges ${row.name} step by step (${splitList(v.steps).join(' → ')} %) and records every verdict, but never changes the percentage.`
      : `Sets ${row.name} to ${splitList(v.steps)[0] ?? '?'} % now, then walks ${splitList(v.steps).join(' → ')} %, holding each step ${v.observation_seconds} s; rolls back to 0 % on a breach.`),
    run: (v, reason) => {
      const body = { reason, steps: splitList(v.steps).map(Number) };
      for (const field of [...known.slice(1), ...extra]) {
        const value = v[field.name];
        if (value === '' || value === undefined) continue;
        body[field.name] = field.kind === 'array' ? splitList(value) : field.kind === 'boolean' ? value === 'true'
          : field.kind === 'text' ? value : Number(value);
      }
      return call(`${endpointPath(row)}/plan`, { method: 'POST', body });
    },
  };
}

function humanize(name) {
  const text = name.replaceAll('_', ' ').replace(/ ms$/, ' (ms)').replace(/ percent$/, ' (%)').replace(/ seconds$/, ' (s)');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
