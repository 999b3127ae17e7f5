// The accessibility checks every page gets: axe-core's WCAG 2.1 A/AA rules, and the keyboard (every
// visible interactive element is reached by Tab and shows where the focus is).
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The routes of app/**\/page.tsx: "(app)/surveys/[id]/page.tsx" -> "/surveys/[id]". */
export function appRoutes(appDir = 'app'): string[] {
  return readdirSync(appDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)page\.tsx$/.test(f))
    .map((f) => {
      const segments = dirname(f)
        .split('/')
        .filter((s) => s !== '.' && !/^\(.*\)$/.test(s));
      return `/${segments.join('/')}`;
    })
    .sort();
}

/** axe's WCAG 2.1 AA violations on the page as it is now, one line each. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens an extra blank page for every run
  // (needed only for cross-origin frames, which we have none of), and asking for violations only
  // skips collecting the details of every passing node. Together several times faster.
  // options() replaces the whole option object, so it goes before withTags().
  const r = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_21_AA)
    .analyze();
  return r.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}

/**
 * The keyboard: every visible, enabled control with a tab stop takes focus and shows it (an outline or
 * a box shadow, Tailwind's rings; a visually hidden radio shows it on its label). One Tab press puts
 * the page in keyboard mode (so :focus-visible applies), then each control is focused in the page in
 * one round trip: a real Tab walk costs a browser round trip per control, which a loaded two-core
 * machine cannot afford on every page of every role. A control with a tab stop that takes focus is in
 * the Tab order by definition; one that refuses focus (inert, hidden by an ancestor) is reported.
 */
export async function keyboardProblems(page: Page, label: string): Promise<string[]> {
  await page.keyboard.press('Tab');
  const problems = await page.evaluate(() => {
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40) || el.getAttribute('aria-label') || el.getAttribute('name') || ''}"`;
    const drawsFocus = (x: Element) => {
      const cs = getComputedStyle(x);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      return outline || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    };
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex]';
    const out: string[] = [];
    const radioGroups = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        // Arrow keys move inside a radio group; Tab reaches the group once.
        const key = `${el.form?.id ?? ''}:${el.name}`;
        if (radioGroups.has(key)) continue;
        radioGroups.add(key);
      }
      el.focus();
      if (document.activeElement !== el) {
        out.push(`not reachable by keyboard: ${describe(el)}`);
        continue;
      }
      if (el.tagName === 'IFRAME') continue; // focus inside a frame belongs to that document
      const r = el.getBoundingClientRect();
      const hidden = getComputedStyle(el).opacity === '0' || r.width < 4 || r.height < 4;
      const labels = el instanceof HTMLInputElement ? [...(el.labels ?? [])] : [];
      const visible = hidden && labels.length ? labels.some(drawsFocus) : drawsFocus(el);
      if (!visible) out.push(`focus not visible on ${describe(el)}`);
    }
    (document.activeElement as HTMLElement | null)?.blur?.();
    return out;
  });
  return problems.map((p) => `${label}: ${p}`);
}

/** Both checks on the page as it is now (`keyboard: false` for axe only). */
export async function pageProblems(page: Page, label: string, keyboard = true): Promise<string[]> {
  const t0 = Date.now();
  const a = await axeViolations(page, label);
  const t1 = Date.now();
  const k = keyboard ? await keyboardProblems(page, label) : [];
  if (process.env.A11Y_TIMING) console.log(`${label}: axe ${t1 - t0} ms, keyboard ${Date.now() - t1} ms`);
  return [...a, ...k];
}
