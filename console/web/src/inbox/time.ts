import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';
import { useI18n } from '../i18n/i18n';

interface BrandSettings {
  timezone: string;
}

/**
 * The brand's time zone (publishing's brand settings), in which every time of the inbox is shown.
 * While it loads, or if publishing does not answer, the browser's own zone, and `known` says so.
 */
export function useBrandTimeZone(brand: string) {
  const settings = useQuery({
    queryKey: ['brand-settings', brand],
    queryFn: () => api<Fits<BrandSettings, Answer<'publishing', '/brands/{brandId}/settings'>>>(`/api/publishing/brands/${encodeURIComponent(brand)}/settings`),
    staleTime: 10 * 60_000,
  });
  const zone = settings.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { zone, known: settings.isSuccess };
}

/** Formats instants in a zone, in the page's language: `time(iso)` (date and time) and `short(iso)`. */
export function useZonedFormat(zone: string) {
  const { language } = useI18n();
  const [formats] = useState(() => new Map<string, Intl.DateTimeFormat>());
  const format = useCallback(
    (iso: string, style: 'full' | 'short') => {
      const key = `${language}|${zone}|${style}`;
      let f = formats.get(key);
      if (!f) {
        f = new Intl.DateTimeFormat(language, style === 'full'
          ? { timeZone: zone, dateStyle: 'medium', timeStyle: 'medium' }
          : { timeZone: zone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
        formats.set(key, f);
      }
      return f.format(new Date(iso));
    },
    [formats, language, zone],
  );
  return {
    time: useCallback((iso: string) => format(iso, 'full'), [format]),
    short: useCallback((iso: string) => format(iso, 'short'), [format]),
  };
}

/** The current time, renewed every `everyMs` (for countdowns). */
export function useNow(everyMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
