/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm-backed server packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "sharp"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
