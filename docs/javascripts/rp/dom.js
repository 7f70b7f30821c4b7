// Small DOM helpers. Text always goes in as text (textContent), never as HTML.

export function element(name, attributes = {}, text = "") {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

export function button(label, onClick, className = "") {
  const node = element("button", { type: "button", class: `md-button rp-small ${className}` }, label);
  node.addEventListener("click", onClick);
  return node;
}

/** The build's JSON in a node's `data-rp-json`, or null. */
export function readIsland(node) {
  try {
    return JSON.parse(node.dataset.rpJson);
  } catch {
    return null;
  }
}

export const headingText = (node) => node.textContent.replace("¶", "").trim();
