// Building the page: elements from data, always as text (never innerHTML), so that nothing a
// platform or a person wrote can run as markup.

/** h('button', {class: 'primary', onclick}, 'Pause') — children: strings, nodes, arrays, null. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') el.value = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what `el` holds. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Says something to screen readers (the live region) without moving the focus. */
export function announce(text) {
  const region = document.getElementById('announce');
  if (region) region.textContent = text;
}

let ids = 0;
/** A fresh element id, to tie a label or a description to its control. */
export const uid = (prefix) => `${prefix}-${++ids}`;

/** A message block: `kind` is info, ok, warn or error (errors are announced at once). */
export function message(kind, ...children) {
  return h('div', { class: `msg ${kind}`, role: kind === 'error' ? 'alert' : null }, ...children);
}
