// A tagged template that escapes every interpolated value unless it is already safe HTML.

const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * Markup to send: a string, or a sequence of strings and UTF-8 bytes when some parts were encoded once and
 * kept (a page of 200 rows is 150 KB of mostly Chinese text: joining and encoding it on every request was
 * a third of the rows fragment's time).
 */
export class SafeHtml {
  private constructor(
    private readonly markup: string | undefined,
    readonly parts: readonly (string | Uint8Array)[] | undefined,
  ) {}

  static of(markup: string): SafeHtml {
    return new SafeHtml(markup, undefined);
  }

  /** Markup already encoded as UTF-8. */
  static encoded(markup: string): SafeHtml {
    return new SafeHtml(undefined, [utf8.encode(markup)]);
  }

  static ofParts(parts: readonly (string | Uint8Array)[]): SafeHtml {
    return new SafeHtml(undefined, parts);
  }

  get value(): string {
    return this.markup ?? this.parts!.map((p) => (typeof p === 'string' ? p : text.decode(p))).join('');
  }

  toString(): string {
    return this.value;
  }

  /** The markup as UTF-8 pieces, to be written one after another without copying them into one buffer. */
  chunks(): Uint8Array[] {
    if (this.markup !== undefined) return [Buffer.from(this.markup)];
    return this.parts!.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '{': '&#123;', '}': '&#125;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (c) => ESCAPES[c]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  // Strings are appended to `out`; encoded parts close it and go to `parts` as they are.
  let out = strings[0]!;
  let parts: (string | Uint8Array)[] | undefined;
  const add = (value: Value): void => {
    if (value === null || value === undefined || value === false) return;
    if (Array.isArray(value)) {
      for (const v of value) add(v);
    } else if (value instanceof SafeHtml) {
      if (value.parts) {
        parts ??= [];
        if (out) parts.push(out);
        parts.push(...value.parts);
        out = '';
      } else {
        out += value.value;
      }
    } else {
      out += escapeHtml(String(value));
    }
  };
  values.forEach((v, i) => {
    add(v);
    out += strings[i + 1]!;
  });
  if (!parts) return SafeHtml.of(out);
  if (out) parts.push(out);
  return SafeHtml.ofParts(parts);
}

/** Marks a string as trusted HTML; only for markup this code built itself. */
/** The attribute that makes an element of a fragment replace the page's element of the same id (htmx out-of-band swap), when `oob`. */
export function outOfBand(oob: boolean): SafeHtml {
  return oob ? html` hx-swap-oob="true"` : html``;
}

export function raw(markup: string): SafeHtml {
  return SafeHtml.of(markup);
}
