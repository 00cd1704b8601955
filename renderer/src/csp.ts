/**
 * This page load's Content-Security-Policy nonce, which the server writes into the page
 * (main/api/ui-assets.ts); undefined under the Vite dev server, which leaves the placeholder.
 */
export const cspNonce: string | undefined = (() => {
  const value = document.querySelector<HTMLMetaElement>('meta[name="herald-csp-nonce"]')?.content;
  return value && !value.startsWith('%') ? value : undefined;
})();

/**
 * Ant Design gives its own style elements the nonce (ConfigProvider `csp`), but a helper underneath
 * it — the table's scrollbar measurement in @rc-component/util — inserts a <style> without one,
 * which the policy blocks. Style elements our own scripts insert get the nonce here; markup parsed
 * from a string (innerHTML) is not inserted through these methods and stays blocked.
 */
export function giveScriptStylesTheNonce(nonce: string | undefined = cspNonce): void {
  if (!nonce) return;
  const stamp = (node: Node) => {
    if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = nonce;
  };
  const { appendChild, insertBefore } = Node.prototype;
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    stamp(node);
    return appendChild.call(this, node) as T;
  };
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    stamp(node);
    return insertBefore.call(this, node, child) as T;
  };
}
