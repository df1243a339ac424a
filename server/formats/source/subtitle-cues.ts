// What .srt and .vtt share: cues separated by blank lines, a timing line, time codes checked cue by cue.

import { ParseError } from '../parse-error.ts';
import { cueLines, type Block } from './blocks.ts';

// "00:01:02,500" in .srt, "01:02.500" or "00:01:02.500" in .vtt.
const TIME = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[,.](\d{3})$/;

function millis(time: string): number | undefined {
  const m = TIME.exec(time);
  if (!m) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/** The file's lines in groups separated by blank lines, each with the line number it starts at. */
export function cueGroups(text: string): { lines: string[]; line: number }[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const groups: { lines: string[]; line: number }[] = [];
  let current: { lines: string[]; line: number } | undefined;
  lines.forEach((l, i) => {
    if (l.trim() === '') current = undefined;
    else if (current) current.lines.push(l);
    else groups.push((current = { lines: [l], line: i + 1 }));
  });
  return groups;
}

/**
 * A cue from its timing line and text lines. `cue` names it in the error sentence (its number,
 * or its position when it has none); both time codes must be well formed and in order.
 */
export function timedCue(format: string, cue: string, line: number, timing: string | undefined, text: string[]): Block {
  const m = /^(\S+)\s+-->\s+(\S+)(?:\s+(.*))?$/.exec(timing?.trim() ?? '');
  if (!m) {
    throw new ParseError(`Cue ${cue} of the ${format} file has no timing line "start --> end".`, 'formats.cueNoTiming', { params: { format, cue }, line });
  }
  const [, start, end, settings] = m as unknown as [string, string, string, string | undefined];
  for (const time of [start, end]) {
    if (millis(time) === undefined) {
      throw new ParseError(`Cue ${cue} of the ${format} file has the time code "${time}", which is not hours:minutes:seconds,milliseconds.`,
        'formats.cueBadTime', { params: { format, cue, time }, line });
    }
  }
  if (millis(end)! < millis(start)!) {
    throw new ParseError(`Cue ${cue} of the ${format} file ends (${end}) before it starts (${start}).`, 'formats.cueBackwards', { params: { format, cue, start, end }, line });
  }
  // Markup inside a cue (<i>, <c.yellow>, {\an8}) is presentation, not text to translate.
  const plain = cueLines(text.join('\n').replace(/<[^>]*>|\{\\[^}]*\}/g, ''));
  return { kind: 'cue', text: plain, cue: { id: '', start, end, ...(settings ? { settings } : {}) } };
}
