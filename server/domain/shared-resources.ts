// Who may change what the whole team draws on: the glossary's agreed terms and the translation memory.

/** Edit or delete: reviewers and admins any entry; a translator only one they added (an entry of unknown author is not theirs). */
export function mayChangeEntry(user: { id: number; role: string }, entry: { added_by: number | null }): boolean {
  return user.role !== 'translator' || (entry.added_by !== null && entry.added_by === user.id);
}

/**
 * Reviewers and admins: a TMX loaded into the memory cannot be taken out again, and its units are offered to
 * everyone; a translator's work reaches the memory through pairs a reviewer approves.
 */
export function mayLoadMemory(user: { role: string } | null | undefined): boolean {
  return user?.role === 'reviewer' || user?.role === 'admin';
}

/** A glossary note's length: a termbase's definition comes in as the note, so room for a paragraph. */
export const MAX_GLOSSARY_NOTE = 2000;
/** Characters of a glossary term, either side. */
export const MAX_GLOSSARY_TERM = 200;

/** Entries on one page of the glossary: a termbase of tens of thousands of terms is shown a page at a time. */
export const GLOSSARY_PAGE_SIZE = 100;
