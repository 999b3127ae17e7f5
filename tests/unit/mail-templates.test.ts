import { describe, expect, it } from 'vitest';
import { invitationMail, magicLinkMail, memberInviteMail, taskAlertMail } from '../../lib/mail/templates';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';

const SURVEY = 'https://app.example/s/abcdefgh.0123456789012345678901234_-';
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

function invitation(over: Partial<Parameters<typeof invitationMail>[0]> = {}) {
  return invitationMail({
    locale: 'en',
    texts: DEFAULT_TEXTS,
    company: 'Acme & Sons',
    contactName: 'Jan',
    surveyUrl: SURVEY,
    unsubscribeUrl: `${SURVEY}/unsubscribe`,
    ...over,
  });
}

describe('the invitation mail', () => {
  it('links the eleven scores, the survey and unsubscribe, in HTML and in the text part', async () => {
    const m = await invitation();
    expect(m.subject).toBe('How likely are you to recommend Acme & Sons?');
    const links = hrefs(m.html);
    for (let s = 0; s <= 10; s++) {
      expect(links).toContain(`${SURVEY}?score=${s}`);
      expect(m.text).toContain(`${s}: ${SURVEY}?score=${s}\n`);
    }
    expect(links).toContain(SURVEY);
    expect(links).toContain(`${SURVEY}/unsubscribe`);
    expect(links.every((l) => l.startsWith(SURVEY))).toBe(true);
    expect(m.text).toContain(`Open the survey: ${SURVEY}\n`);
    expect(m.text).toContain(`Unsubscribe from these surveys: ${SURVEY}/unsubscribe`);
    expect(m.text).toContain('Dear Jan,');
    expect(m.text).not.toMatch(/<[a-z]/i);
    expect(m.html).toMatch(/^<!DOCTYPE html/);
    expect(m.html).toContain('lang="en"');
    expect(m.html).not.toMatch(/<script|<style|<link /i);
  });

  it('escapes names and texts in HTML and keeps them readable in text', async () => {
    const m = await invitation({ company: '<b>Evil</b> "Co"', contactName: '<img src=x onerror=alert(1)>' });
    expect(m.html).not.toContain('<img src=x');
    expect(m.html).not.toContain('<b>Evil</b>');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).toContain('&lt;b&gt;Evil&lt;/b&gt;');
    expect(m.text).toContain('Dear <img src=x onerror=alert(1)>,');
    expect(m.subject).toBe('How likely are you to recommend <b>Evil</b> "Co"?');
  });

  it('speaks Dutch for a Dutch contact, and greets without a name', async () => {
    const m = await invitation({ locale: 'nl', contactName: null });
    expect(m.subject).toBe('Hoe waarschijnlijk is het dat u Acme & Sons aanbeveelt?');
    expect(m.html).toContain('lang="nl"');
    expect(m.text).toContain('Goedendag,');
    expect(m.text).toContain(`Open de enquête: ${SURVEY}`);
    expect(m.text).toContain('Verstuurd door Kringloop namens Acme & Sons.');
  });

  it('the reminder says it is a reminder and carries the same links', async () => {
    const first = await invitation();
    for (const locale of ['en', 'nl'] as const) {
      const r = await invitation({ reminder: true, locale });
      expect(r.subject).toMatch(locale === 'en' ? /^Reminder: / : /^Herinnering: /);
      expect(r.text).toMatch(locale === 'en' ? /A reminder: / : /Een herinnering: /);
      expect(hrefs(r.html).sort()).toEqual(hrefs(first.html).sort());
    }
  });
});

describe('the other mails', () => {
  it('the alert names the score, comment and deadline, escapes the comment, and links the task', async () => {
    const taskUrl = 'https://app.example/tasks/0199';
    const v = {
      locale: 'en' as const,
      tenant: 'Acme',
      category: 'DETRACTOR' as const,
      score: 3,
      comment: 'Too slow <script>alert(1)</script>',
      company: 'Customer BV',
      contact: 'Piet',
      contactEmail: 'piet@customer.example',
      contactPhone: null,
      touchpoint: 'Support',
      due: '3 Dec 2026, 17:00',
      taskUrl,
    };
    const m = await taskAlertMail(v);
    expect(m.subject).toBe('Detractor 3/10 from Customer BV: follow up by 3 Dec 2026, 17:00');
    expect(hrefs(m.html)).toEqual(['mailto:piet@customer.example', taskUrl]);
    expect(m.text).toContain('Email: piet@customer.example');
    expect(m.text).not.toContain('Phone:');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('Too slow &lt;script&gt;');
    expect(m.text).toContain('Score: 3/10 (Detractor)');
    expect(m.text).toContain('Comment: Too slow <script>alert(1)</script>');
    expect(m.text).toContain(`Open the follow-up: ${taskUrl}`);
    const nl = await taskAlertMail({ ...v, locale: 'nl', comment: null });
    expect(nl.text).toContain('Opmerking: (geen opmerking)');
    expect(nl.html).toContain('lang="nl"');
  });

  it('the alert gives the contact’s phone as a tel: link, shown in international format', async () => {
    const m = await taskAlertMail({
      locale: 'nl',
      tenant: 'Acme',
      category: 'PASSIVE',
      score: 7,
      comment: null,
      company: 'Klant BV',
      contact: 'Piet',
      contactEmail: 'piet@klant.example',
      contactPhone: '+31201234567',
      touchpoint: 'Support',
      due: '3 dec 2026, 17:00',
      taskUrl: 'https://app.example/tasks/1',
    });
    expect(hrefs(m.html)).toEqual([
      'mailto:piet@klant.example',
      'tel:+31201234567',
      'https://app.example/tasks/1',
    ]);
    expect(m.html).toContain('+31 20 123 4567');
    expect(m.text).toContain('Telefoon: +31 20 123 4567');
    expect(m.text).toContain('E-mail: piet@klant.example');
  });

  it('the alert of a reopened follow-up says so in the subject and the first line', async () => {
    const base = {
      tenant: 'Acme',
      category: 'DETRACTOR' as const,
      score: 2,
      comment: null,
      company: 'Klant BV',
      contact: 'Piet',
      contactEmail: 'piet@klant.example',
      contactPhone: null,
      touchpoint: 'Support',
      taskUrl: 'https://app.example/tasks/1',
      reopened: true,
    };
    const en = await taskAlertMail({ ...base, locale: 'en', due: '3 Dec 2026' });
    expect(en.subject).toBe('Reopened: Detractor 2/10 from Klant BV: follow up by 3 Dec 2026');
    expect(en.text).toContain('changed their answer to a worse score after the follow-up was closed');
    const nl = await taskAlertMail({ ...base, locale: 'nl', due: '3 dec 2026' });
    expect(nl.subject).toBe('Heropend: Criticaster 2/10 van Klant BV: opvolgen vóór 3 dec 2026');
    expect(nl.text).toContain('De opvolgtaak staat weer open.');
  });

  it('the sign-in mail carries its link in both parts, in the asked language', async () => {
    const url = 'https://app.example/api/auth/callback/email?token=abc&email=a%40b.nl';
    const en = await magicLinkMail('en', url);
    expect(en.subject).toBe('Your sign-in link for Kringloop');
    expect(hrefs(en.html)).toEqual([url]);
    expect(en.text).toContain(`Sign in: ${url}`);
    const nl = await magicLinkMail('nl', url);
    expect(nl.subject).toBe('Uw aanmeldlink voor Kringloop');
    expect(nl.text).toContain(`Aanmelden: ${url}`);
  });

  it('the member invitation names inviter, organisation and role', async () => {
    const m = await memberInviteMail('en', {
      inviter: 'Anna',
      tenant: 'Acme',
      role: 'Account manager',
      url: 'https://app.example/signin?email=x%40y.nl',
    });
    expect(m.subject).toBe('Anna invites you to Acme on Kringloop');
    expect(m.text).toContain('Anna added you to Acme on Kringloop as Account manager.');
    expect(m.text).toContain('Sign in to get started: https://app.example/signin?email=x%40y.nl');
  });
});
