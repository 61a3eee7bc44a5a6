// The one confirmation dialog: states the action's effect (updated as the operator types), asks for the reason
// that goes into the audit, runs the action and keeps the dialog open with the server's answer if it fails.
// Native <dialog>: modal, Escape closes it, focus is trapped inside; focus returns to the button that opened it.
import { h, announce } from './dom.js';

export function confirmAction(action, onDone) {
  const dialog = document.getElementById('confirm');
  const form = document.getElementById('confirm-form');
  const fields = document.getElementById('confirm-fields');
  const effect = document.getElementById('confirm-effect');
  const reason = document.getElementById('confirm-reason');
  const error = document.getElementById('confirm-error');
  const ok = document.getElementById('confirm-ok');
  const cancel = document.getElementById('confirm-cancel');
  // The page re-renders every poll, so the button that opened the dialog may be replaced meanwhile: find it again
  // by its key when the dialog closes.
  const openerKey = document.activeElement?.dataset?.key;

  document.getElementById('confirm-title').textContent = action.label;
  ok.textContent = action.confirmLabel ?? action.label;
  ok.className = action.danger ? 'danger' : 'primary';
  error.textContent = '';
  reason.value = action.defaultReason ?? '';
  fields.replaceChildren(...(action.fields ?? []).map(field));

  const values = () => Object.fromEntries((action.fields ?? []).map((f) => {
    const control = form.elements[f.name];
    return [f.name, control.type === 'checkbox' ? (control.checked ? 'true' : '') : control.value];
  }));
  const describe = () => { effect.textContent = action.effect(values()); };
  describe();

  const close = () => {
    form.removeEventListener('input', describe);
    form.removeEventListener('submit', submit);
    cancel.removeEventListener('click', cancelClick);
    dialog.removeEventListener('close', close);
    if (dialog.open) dialog.close();
    if (openerKey) document.querySelector(`[data-key="${CSS.escape(openerKey)}"]`)?.focus();
  };
  const cancelClick = () => close();
  const submit = async (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      error.textContent = 'Give a reason: it is written to the audit trail.';
      reason.focus();
      return;
    }
    ok.disabled = true;
    error.textContent = '';
    try {
      await action.run(values(), reason.value.trim());
      close();
      announce(`${action.label}: done.`);
      onDone?.();
    } catch (failure) {
      error.textContent = `The server refused: ${failure.describe?.() ?? failure.message}`;
    } finally {
      ok.disabled = false;
    }
  };
  form.addEventListener('input', describe);
  form.addEventListener('submit', submit);
  cancel.addEventListener('click', cancelClick);
  dialog.addEventListener('close', close);
  dialog.showModal();
  (fields.querySelector('input, textarea') ?? reason).focus();
}

function field(spec) {
  const id = `field-${spec.name}`;
  const control = spec.type === 'textarea'
    ? h('textarea', { id, name: spec.name, rows: 3, 'aria-describedby': spec.help ? `${id}-help` : null })
    : h('input', {
      id, name: spec.name, type: spec.type ?? 'text', min: spec.min, max: spec.max, step: spec.step,
      inputmode: spec.type === 'number' ? 'decimal' : null, 'aria-describedby': spec.help ? `${id}-help` : null,
    });
  if (spec.type === 'checkbox') control.checked = spec.value === true;
  else control.value = spec.value ?? '';
  return h('div', { class: spec.type === 'checkbox' ? 'field checkbox' : 'field' },
    h('label', { for: id }, spec.label),
    control,
    spec.help ? h('p', { id: `${id}-help`, class: 'help' }, spec.help) : null);
}
