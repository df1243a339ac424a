// MQM-style review errors (category and severity) and the quality score a document gets from them.

import { ValidationError } from './errors.ts';

export const ERROR_CATEGORIES = ['accuracy', 'fluency', 'terminology', 'style', 'locale'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Penalty points per error, as MQM weighs them. */
export const PENALTY: Record<Severity, number> = { minor: 1, major: 5, critical: 10 };

export interface QualityScore {
  errors: number;
  penalty: number;
  sourceWords: number;
  /** Penalty points per 1,000 source words. */
  per1000: number;
  /** 100 − penalty points per 100 source words, never below 0: 100 with no error. */
  score: number;
}

/**
 * Source words as CAT tools count Chinese: each Han character is a word, and each run of letters or
 * digits (a Latin name, a number) is one more. A number keeps its thousands separators and decimal point
 * (2,340 and 1,234.56 are one word each, as Trados and memoQ count them).
 */
export function sourceWordCount(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const runs = text.match(/(?:(?!\p{Script=Han})[\p{L}\p{N}]|(?<=\p{Nd})[.,](?=\p{Nd}))+/gu)?.length ?? 0;
  return han + runs;
}

/**
 * MQM's raw score: 100 × (1 − penalty points / source words), floored at 0. A document with no source
 * words scores 100 when it has no error and 0 otherwise.
 */
export function qualityScore(severities: readonly Severity[], sourceWords: number): QualityScore {
  const penalty = severities.reduce((sum, s) => sum + PENALTY[s], 0);
  const words = Math.max(0, Math.floor(sourceWords));
  const per1000 = words ? (penalty * 1000) / words : penalty ? Infinity : 0;
  const score = words ? Math.max(0, 100 * (1 - penalty / words)) : penalty ? 0 : 100;
  return { errors: severities.length, penalty, sourceWords: words, per1000, score };
}

/** Both or neither: an error is a category with a severity. */
export function reviewError(category: unknown, severity: unknown): { category: ErrorCategory; severity: Severity } | null {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(category) && blank(severity)) return null;
  if (!ERROR_CATEGORIES.includes(category as ErrorCategory)) {
    throw new ValidationError(`The error category must be one of ${ERROR_CATEGORIES.join(', ')}.`, 'review.badCategory', { names: ERROR_CATEGORIES.join(', ') });
  }
  if (!SEVERITIES.includes(severity as Severity)) {
    throw new ValidationError(`The severity must be one of ${SEVERITIES.join(', ')}.`, 'review.badSeverity', { names: SEVERITIES.join(', ') });
  }
  return { category: category as ErrorCategory, severity: severity as Severity };
}
