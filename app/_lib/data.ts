/** Per-request memos of the server data calls, so a page and its metadata read the corpus once. */
import { cache } from 'react';
import { getAnalysisView } from '@/lib/server/library';

export const getAnalysisViewOnce = cache(getAnalysisView);
