import "./globals.css";
import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { ZOD_JITLESS_SCRIPT } from "@/lib/http/security-headers";
import { THEME_INIT_SCRIPT } from "@/lib/theme/theme";
import { Providers } from "./providers";

// Inter (latin, variable weight), self-hosted and preloaded. next/font also defines a fallback
// font sized to Inter's metrics, so text does not move when the web font arrives (CLS); other
// scripts fall back to the system font.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
  adjustFontFallback: "Arial",
});

export const metadata: Metadata = {
  title: { default: "Lorascope", template: "%s · Lorascope" },
  description: "Explore FLUX LoRA styles: mix two LoRAs, see the cost, generate, keep everything.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on its inline
  // scripts only then, and a page prerendered at build time (the 404) would carry none.
  await connection();
  return (
    // The theme script sets data-theme before hydration: React must not "correct" it.
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        {/* Both allowed by their hashes in the CSP (lib/http/security-headers.ts): keep them byte-for-byte constant. */}
        <script dangerouslySetInnerHTML={{ __html: ZOD_JITLESS_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-16 pt-6 sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
