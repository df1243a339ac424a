import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { html, raw, SafeHtml } from '../../views/html.ts';

describe('html template', () => {
  it('when values are interpolated then text is escaped and safe markup is not', () => {
    const page = html`<p title="${'"><img src=x onerror=alert(1)>'}">${raw('<b>粗</b>')}${['{{x}}', 1, false, null]}</p>`;
    expect(page.toString()).toBe('<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><b>粗</b>&#123;&#123;x&#125;&#125;1</p>');
  });

  it('when some parts were encoded once then the page reads and sends the same as one built from strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '<', '&', '“', '」', '中', '𠀀', '😀', '\n') });
    fc.assert(fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 8 }), text, (rows, tail) => {
      const asText = rows.map(([t]) => html`<tr><td>${t}</td></tr>`);
      const asBytes = rows.map(([t, encoded]) => (encoded ? SafeHtml.encoded(html`<tr><td>${t}</td></tr>`.toString()) : html`<tr><td>${t}</td></tr>`));
      const plain = html`<table>${asText}</table><p>${tail}</p>`;
      const mixed = html`<table>${asBytes}</table><p>${tail}</p>`;
      expect(mixed.toString()).toBe(plain.toString());
      expect(Buffer.concat(mixed.chunks()).equals(Buffer.from(plain.toString(), 'utf8'))).toBe(true);
      // Nested once more, as the layout wraps a page.
      expect(Buffer.concat(html`<main>${mixed}</main>`.chunks()).equals(Buffer.from(`<main>${plain}</main>`, 'utf8'))).toBe(true);
    }));
  });
});
