/** The text of each line `element` takes on screen, from where its characters fall (for line-breaking tests). */
export function linesOf(element: Element): string[] {
  const lines = new Map<number, string>();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.textContent!.length; i += 1) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const top = Math.round(rect.top);
      lines.set(top, (lines.get(top) ?? '') + node.textContent![i]);
    }
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text.trim());
}
