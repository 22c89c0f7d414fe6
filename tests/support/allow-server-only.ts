import { register } from "node:module";

// App modules that hold secrets or reach the database start with `import "server-only"`, which
// throws outside a React Server Component bundle. Scripts that run them directly under tsx
// (the Together stand-in, benchmarks) import this file first: it resolves that one package to
// an empty module, as vitest.config.ts does for the tests. Modules must then be loaded with
// a dynamic import(), after this file has run.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
