'use client';
/** Lets Escape hide a term's or candidate's explanation without moving focus (WCAG 1.4.13: dismissible hover content). */
import { useEffect } from 'react';

export function TooltipDismiss() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const el = document.activeElement;
      if (el instanceof HTMLElement && (el.classList.contains('term') || el.classList.contains('cand'))) {
        el.setAttribute('data-dismissed', '');
        el.addEventListener('blur', () => el.removeAttribute('data-dismissed'), { once: true });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
