/** Lets plain `tsc` type-check tests that import .astro components (astro check resolves the real files). */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
