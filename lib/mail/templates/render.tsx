import { render } from '@react-email/components';
import type { ReactElement } from 'react';
import type { TVariant } from './layout';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a template as client-safe HTML and as its plain-text part. React escapes every value, so a
 * customer's name or comment can never become markup. The text part is rendered from the same
 * component in its text variant, then flattened by React Email's html-to-text (links as
 * "label url", headings as written).
 */
export async function renderMail(
  subject: string,
  element: (v: TVariant) => ReactElement,
): Promise<RenderedMail> {
  const [html, text] = await Promise.all([
    render(element('html')),
    render(element('text'), {
      plainText: true,
      htmlToTextOptions: {
        selectors: [
          { selector: 'h1', options: { uppercase: false } },
          { selector: 'h2', options: { uppercase: false } },
        ],
      },
    }),
  ]);
  return { subject, html, text: text.replace(/\n{3,}/g, '\n\n').trim() + '\n' };
}
