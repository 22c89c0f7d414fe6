/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm-backed server packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "sharp"],
  poweredByHeader: false,
  experimental: {
    // Same as SERVER_ACTION_BODY_LIMIT in lib/http/request-checks.ts (a test keeps them equal):
    // room for a 1 MB prompt to reach the action's own "too long" answer; proxy.ts refuses more.
    serverActions: { bodySizeLimit: "2mb" },
    // proxy.ts sees a copy of each body up to this size; beyond it proxy.ts has already refused.
    proxyClientMaxBodySize: "2mb",
  },
  reactStrictMode: true,
  turbopack: {
    resolveAlias: {
      // cmdk's unused Command.Dialog: kept out of the browser bundle (see the shim's comment).
      "@radix-ui/react-dialog": { browser: "./lib/shims/radix-dialog-unused.ts" },
    },
  },
};

export default nextConfig;
