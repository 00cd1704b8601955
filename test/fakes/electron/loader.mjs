// Module hook: `electron` resolves to the fake in this folder.
const fake = new URL('./index.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  // Through the next resolvers (tsx among them), so the TypeScript fake is compiled on load.
  if (specifier === 'electron') return nextResolve(fake, context);
  return nextResolve(specifier, context);
}
