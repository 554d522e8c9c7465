'use client';
/**
 * Scrolls to the element the URL's #fragment names once the page has streamed in: the browser looks
 * for it before a streamed page has rendered it, so links such as "Edit this entry" would land at the top.
 */
import { useEffect } from 'react';

/** `state` changes with each navigation that should scroll again (e.g. the search string). */
export function ScrollToHash({ state }: { state: string }) {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [state]);
  return null;
}
