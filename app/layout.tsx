import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { KeyboardShortcutsLoader } from "@/components/keyboard/keyboard-shortcuts-loader";
import { AppHeader } from "@/components/layout/app-header";
import { TimeProvider } from "@/components/time/time-provider";
import { readTimeZonePreference } from "@/lib/format/read-time-zone-preference";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Runboard", template: "%s · Runboard" },
  description: "Run history for LeadLex workflows",
  robots: { index: false, follow: false },
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { preference, known } = await readTimeZonePreference();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <Providers>
          <TimeProvider
            preference={preference}
            preferenceKnown={known}
            renderedAt={new Date().toISOString()}
          >
            <AppHeader />
            <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
              {children}
            </main>
            <KeyboardShortcutsLoader />
          </TimeProvider>
        </Providers>
      </body>
    </html>
  );
}
