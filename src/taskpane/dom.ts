/**
 * A tiny DOM builder. Everything the pane and the preview draw goes through here, and text only ever
 * goes in as `textContent`: cell text, project names and messages come from the clerk's workbook.
 */

export interface ElementProps {
  className?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: ElementProps = {},
  ...children: (Node | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.attrs) setAttrs(node, props.attrs);
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

/** `false`, `null` and `undefined` remove the attribute; `true` sets it empty. */
export function setAttrs(node: Element, attrs: Record<string, string | number | boolean | null | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) node.removeAttribute(k);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
}

/** One DOM operation for all children: removing 10,000 options one by one is a long task. */
export function clear(node: Element): void {
  node.replaceChildren();
}
