// Finds where the sources construct a typed error (an AppError or a subclass) and what arguments they give it:
// a small scanner that knows TypeScript's strings, template literals and comments, so a '(' or ',' inside a
// sentence does not count. Precise enough for our own sources; the TypeScript 7 package has no parser API.

import fs from 'node:fs';
import path from 'node:path';

export interface Construction {
  file: string;
  line: number;
  /** The class named after `new`, or the class whose constructor calls `super(`. */
  className: string;
  /** The top-level arguments, as source text, trimmed. */
  args: string[];
  /** The parameter names of the constructor these arguments go to (the nearest one declared up the classes). */
  params: string[];
}

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'locales' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The text with comments blanked and string contents replaced by spaces (lengths kept, so offsets and lines stay). */
export function codeOnly(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  // A stack of template literals whose ${…} we are inside, with the brace depth at which each one resumes.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const scanString = (quote: string) => {
    const start = i++;
    while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    blank(start + 1, i);
    i++;
  };
  const scanTemplate = () => {
    const start = i;
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') { i += 2; continue; }
      if (text[i] === '$' && text[i + 1] === '{') {
        blank(start, i);
        templates.push(depth++);
        i += 2;
        return;
      }
      i++;
    }
    blank(start, i);
    i++;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2) + 2;
      blank(i, end);
      i = end;
    } else if (c === '\'' || c === '"') {
      scanString(c);
    } else if (c === '`') {
      i++;
      scanTemplate();
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (templates.length && templates[templates.length - 1] === depth) {
        templates.pop();
        scanTemplate();
      }
    } else if (c === '/' && /[=(,:;!&|?{}[\n]\s*$/.test(text.slice(Math.max(0, i - 20), i))) {
      // A regular expression literal: skip it whole, classes included, so its quotes and parentheses do not count.
      const start = i++;
      let inClass = false;
      while (i < text.length && text[i] !== '\n' && (inClass || text[i] !== '/')) {
        if (text[i] === '\\') i++;
        else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        i++;
      }
      blank(start + 1, i);
      i++;
    } else {
      i++;
    }
  }
  return out.join('');
}

/** The top-level arguments of the call whose '(' is at `open` in `code` (blanked), as text of `text`. */
function callArguments(code: string, text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        const last = text.slice(from, i).trim();
        if (last) args.push(last);
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  throw new Error(`unclosed call at ${open}`);
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Every construction of AppError or a class derived from it (by name, across the files): `new X(…)`, and the
 * `super(…)` of each such class that declares its own constructor.
 */
export function errorConstructions(files: string[]): Construction[] {
  const sources = files.map((file) => { const text = fs.readFileSync(file, 'utf8'); return { file, text, code: codeOnly(text) }; });
  const classes = new Map<string, { parent?: string; bodyOpen: number; body: string; source: typeof sources[number] }>();
  for (const source of sources) {
    for (const m of source.code.matchAll(/\bclass\s+(\w+)(?:\s+extends\s+(\w+))?[^{]*\{/g)) {
      const bodyOpen = m.index + m[0].length - 1;
      let depth = 0;
      let end = bodyOpen;
      for (; end < source.code.length; end++) {
        if (source.code[end] === '{') depth++;
        else if (source.code[end] === '}' && --depth === 0) break;
      }
      classes.set(m[1]!, { parent: m[2], bodyOpen, body: source.code.slice(bodyOpen, end), source });
    }
  }
  const chain = (name: string | undefined): string[] => {
    const names: string[] = [];
    for (let n = name; n && classes.has(n) && names.length < 20; n = classes.get(n)!.parent) names.push(n);
    return names;
  };
  const isAppError = (name: string) => chain(name).includes('AppError');
  /** Where a constructor is declared in a class body: its '(' offset, or -1. */
  const constructorAt = (name: string) => {
    const c = classes.get(name)!;
    const m = /\bconstructor\s*\(/.exec(c.body);
    return m ? c.bodyOpen + m.index + m[0].length - 1 : -1;
  };
  /** The parameter names of the constructor that `new name(…)` runs. */
  const paramsOf = (name: string) => {
    const owner = chain(name).find((n) => constructorAt(n) >= 0);
    if (!owner) return [];
    const { code, text } = classes.get(owner)!.source;
    // A generic's comma (Record<string, unknown>) splits a parameter's type: such a piece names no parameter.
    return callArguments(code, text, constructorAt(owner)).flatMap((p) => {
      const name = /^(?:(?:readonly|public|private|protected|override)\s+)*(\w+)\s*\??\s*[:=)]/.exec(`${p})`)?.[1];
      return name ? [name] : [];
    });
  };
  const found: Construction[] = [];
  for (const { file, text, code } of sources) {
    for (const m of code.matchAll(/\bnew\s+(\w+)\s*\(/g)) {
      if (!isAppError(m[1]!)) continue;
      const open = m.index + m[0].length - 1;
      found.push({ file, line: lineAt(text, m.index), className: m[1]!, args: callArguments(code, text, open), params: paramsOf(m[1]!) });
    }
  }
  for (const [name, c] of classes) {
    if (!c.parent || !isAppError(c.parent)) continue;
    const { file, text, code } = c.source;
    for (const s of c.body.matchAll(/\bsuper\s*\(/g)) {
      const open = c.bodyOpen + s.index + s[0].length - 1;
      found.push({ file, line: lineAt(text, open), className: name, args: callArguments(code, text, open), params: paramsOf(c.parent) });
    }
  }
  return found;
}
