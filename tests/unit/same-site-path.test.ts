import { describe, expect, it } from 'vitest';
import { sameSitePath } from '../../lib/http/same-site-path';

describe('the language switch goes back only to a path on this site', () => {
  it('keeps a path of ours', () => {
    expect(sameSitePath('/tasks?status=open')).toBe('/tasks?status=open');
    expect(sameSitePath('/')).toBe('/');
  });
  it('refuses another host however it is spelled', () => {
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      'https://evil.example',
      '/\tevil',
      '',
    ])
      expect(sameSitePath(bad), JSON.stringify(bad)).toBe('/');
  });
});
