import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { TooltipDismiss } from './_components/tooltip-dismiss';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Parallax: compare how outlets word the same event', template: '%s · Parallax' },
  description: 'A source-framing comparison tool for media literacy.',
};

/** The page frame: a quiet header with the two places a reader starts from, and the page below. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="no-print border-b border-rule bg-white/80">
          <div className="mx-auto flex max-w-[96rem] items-baseline gap-6 px-4 py-3 sm:px-6">
            <Link href="/" className="text-lg font-semibold tracking-tight text-ink no-underline">
              Parallax
            </Link>
            <span className="hidden text-sm text-muted sm:inline">How different outlets word the same event</span>
            <nav aria-label="Main" className="ml-auto flex gap-5 text-sm">
              <Link href="/" className="text-accent hover:underline">
                Library
              </Link>
              <Link href="/import" className="text-accent hover:underline">
                Import an article
              </Link>
              <Link href="/exercise/new" className="text-accent hover:underline">
                Classroom exercise
              </Link>
              <Link href="/lexicons" className="text-accent hover:underline">
                Lexicons
              </Link>
            </nav>
          </div>
        </header>
        <div id="main">{children}</div>
        <TooltipDismiss />
      </body>
    </html>
  );
}
