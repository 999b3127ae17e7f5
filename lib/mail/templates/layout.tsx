import { Body, Button, Container, Head, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Building blocks of every email. React Email renders them as tables with inline styles, because
 * mail clients ignore style sheets. Each mail is rendered twice (lib/mail/templates/render.tsx):
 * once as HTML, once as the plain-text part; `<HtmlOnly>` / `<TextOnly>` let a template give each
 * reader its best form (eleven score buttons in HTML, eleven lines of links in text). The variant is
 * a prop, not a React context: these modules are also imported where Next.js forbids contexts
 * (server components reach the sign-in mail through next-auth's options).
 */
export type TVariant = 'html' | 'text';

export function HtmlOnly({ v, children }: { v: TVariant; children: ReactNode }) {
  return v === 'html' ? children : null;
}

export function TextOnly({ v, children }: { v: TVariant; children: ReactNode }) {
  return v === 'text' ? children : null;
}

export const colors = { text: '#18181b', muted: '#71717a', brand: '#0f766e', page: '#f4f4f5' };

export function MailLayout(props: { lang: string; preview?: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.lang}>
      <Head />
      {props.preview ? <Preview>{props.preview}</Preview> : null}
      <Body
        style={{
          margin: 0,
          padding: '24px 8px',
          background: colors.page,
          fontFamily: 'Arial, Helvetica, sans-serif',
          color: colors.text,
        }}
      >
        <Container style={{ maxWidth: 600, background: '#ffffff', borderRadius: 12 }}>
          <Section style={{ padding: 24 }}>{props.children}</Section>
        </Container>
        <Container style={{ maxWidth: 600 }}>
          <Text style={{ fontSize: 12, color: colors.muted, margin: '16px 0 0' }}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function P({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return <Text style={{ margin: '0 0 16px', fontSize: 15, lineHeight: 1.5, ...style }}>{children}</Text>;
}

/** A call to action: a button in HTML, "label: url" in text. */
export function Action({ v, href, label }: { v: TVariant; href: string; label: string }) {
  return (
    <>
      <HtmlOnly v={v}>
        <Section style={{ margin: '0 0 16px' }}>
          <Button
            href={href}
            style={{
              background: colors.brand,
              color: '#ffffff',
              padding: '12px 20px',
              borderRadius: 8,
              fontWeight: 600,
              textDecoration: 'none',
            }}
          >
            {label}
          </Button>
        </Section>
      </HtmlOnly>
      <TextOnly v={v}>
        <P>
          {label}: {href}
        </P>
      </TextOnly>
    </>
  );
}

/** An inline link: the label linked in HTML, "label: url" in text. */
export function LinkLine(props: { v: TVariant; href: string; label: string; color?: string }) {
  const { v, href, label, color } = props;
  return v === 'html' ? (
    <Link href={href} style={{ color: color ?? colors.brand }}>
      {label}
    </Link>
  ) : (
    <>
      {label}: {href}
    </>
  );
}
