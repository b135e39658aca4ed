// Custom elements manifest (`npm run analyze`): Lit elements under src/components.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      // The base class's generic emit(type, …) is not an event of its own; each element
      // documents its events with @fires.
      name: 'drop-generic-emit',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name !== 'type');
          }
        }
      },
    },
    {
      // Private and protected members (internal state) are no part of an element's API.
      name: 'drop-internal-members',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && member.privacy !== 'protected');
            }
          }
        }
      },
    },
  ],
};
