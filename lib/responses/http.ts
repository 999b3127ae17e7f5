import type { NextRequest } from 'next/server';
import { localeFromAcceptLanguage, type TLocale } from '../i18n';
import { pageHeaders, type HtmlPage } from './page';

export function htmlResponse(p: HtmlPage, status: number): Response {
  return new Response(p.html, { status, headers: pageHeaders(p) });
}

/** Language for pages without a known invitation: the browser's. */
export function respondentLocale(req: NextRequest): TLocale {
  return localeFromAcceptLanguage(req.headers.get('accept-language'), 'nl');
}

export function surveyPath(token: string): string {
  return `/s/${encodeURIComponent(token)}`;
}

/** Reads a urlencoded or multipart form into strings; anything else gives an empty object. */
export async function readForm(req: NextRequest): Promise<Record<string, string>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return {};
  try {
    const form = await req.formData();
    const out: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}
