type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element: `on…` attributes become listeners, `true` a bare attribute, null/false/undefined nothing. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Sets a text and flashes the element when the value changed, so a live update can be seen. */
export function setLiveText(element: Element, text: string): void {
  if (element.textContent === text) return;
  const first = element.textContent === '';
  element.textContent = text;
  if (first) return;
  element.classList.remove('changed');
  // Restart the animation: reading layout between the two class changes makes the browser see both.
  void (element as HTMLElement).offsetWidth;
  element.classList.add('changed');
}

/** A region that shows what is loading, the empty state or an error, in place of its content. */
export function notice(kind: 'empty' | 'error' | 'loading', title: string, detail?: string, action?: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('p', { class: 'notice-title' }, title),
    detail ? h('p', { class: 'notice-detail' }, detail) : null,
    action ?? null,
  );
}
