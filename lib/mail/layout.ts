/** HTML email building blocks: table layout and inline styles, because mail clients ignore CSS files. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export function button(href: string, label: string): string {
  return `<a href="${esc(href)}" style="display:inline-block;background:#0f766e;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${esc(label)}</a>`;
}

export function paragraph(text: string, style = ''): string {
  return `<p style="margin:0 0 16px;line-height:1.5;${style}">${esc(text)}</p>`;
}

export function layout(lang: string, bodyHtml: string, footer: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:12px"><tr><td style="padding:24px">
${bodyHtml}
</td></tr></table>
<p style="font-size:12px;color:#71717a;margin:16px 0 0">${esc(footer)}</p>
</td></tr></table></body></html>`;
}
