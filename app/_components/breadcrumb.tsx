import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';

/** One step back up the trail: where it leads and what it says. */
export interface Crumb {
  href: string;
  label: ReactNode;
}

/**
 * The "Library / Comparison" line at the top of a page: the linked steps back, then where the
 * reader is. `printed` keeps it on paper (the comparison's PDF leaves it out).
 */
export function Breadcrumb({ trail, current, printed = true }: { trail: Crumb[]; current: ReactNode; printed?: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className={`${printed ? '' : 'no-print '}text-sm text-muted`}>
      {trail.map((c) => (
        <Fragment key={c.href}>
          <Link href={c.href} className="text-accent hover:underline">
            {c.label}
          </Link>{' '}
          /{' '}
        </Fragment>
      ))}
      {current}
    </nav>
  );
}
