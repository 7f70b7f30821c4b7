// Copying to the clipboard, with a way out where the browser blocks it.

/** Copies `text`; where the clipboard is blocked, selects `shown` (the same text on the
 * page, a text box or any element) and says how to copy it, in `status`. */
export async function copyText(text, shown, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = " Copied.";
  } catch {
    if (typeof shown.select === "function") {
      shown.focus();
      shown.select();
    } else {
      window.getSelection().selectAllChildren(shown);
    }
    status.textContent = " Selected: press Ctrl+C (or ⌘C) to copy.";
  }
}
