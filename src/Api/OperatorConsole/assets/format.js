// Number and time formatting shared by the views.
export const dash = '—';

export function percent(value, digits = 1) {
  return value === null || value === undefined || Number.isNaN(value) ? dash : `${round(value, digits)} %`;
}

export function ms(value) {
  return value === null || value === undefined ? dash : `${round(value, value < 10 ? 2 : 1)} ms`;
}

export function count(value) {
  return value === null || value === undefined ? dash : Number(value).toLocaleString('en-US');
}

export function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function time(iso) {
  if (!iso) return dash;
  const date = new Date(iso);
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 19)} UTC`;
}

export function clock(date) {
  return new Date(date).toISOString().slice(11, 19);
}

export function ratio(part, whole) {
  return whole > 0 ? (100 * part) / whole : null;
}

export function list(values) {
  return values?.length ? values.join(', ') : dash;
}
