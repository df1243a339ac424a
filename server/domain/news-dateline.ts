// Finds a news dateline (新华社北京12月3日电) at the start of a sentence, whose 电 or 讯 is the dispatch, not "lightning".

const NUMBER = '(?:[\\d０-９]{1,2}|[〇零一二三四五六七八九十]{1,3})';
// An agency or paper (新华社, 中新网, 人民日报, 央视台), where it filed from, when, then the mark and a break: the
// dateline stands apart from the text ("…日电 国家主席…", "…电（记者…）"), so 电视 or 电话 after a place is no dateline.
const DATELINE = new RegExp(
  `^(\\s*\\p{Script=Han}{1,5}[社网报台]\\s*(\\p{Script=Han}{2,10}?)?\\s*((?:${NUMBER}月)?${NUMBER}日)?)([电讯])(?=\\P{Script=Han}|$)`,
  'u',
);
const MARKS: Record<string, string> = { 电: 'wire', 讯: 'report' };

/** The sentence in pieces, the dateline's mark glossed as a dispatch; a sentence without a dateline is one piece. */
export function splitDateline(zh: string): { zh: string; en?: string }[] {
  const m = DATELINE.exec(zh);
  // An agency and a mark alone (本报讯) could be any word ending in 报; a place or a date makes it a dateline.
  if (!m || (!m[2] && !m[3])) return [{ zh }];
  const [all, head = '', , , mark = ''] = m;
  const rest = zh.slice(all.length);
  return [{ zh: head }, { zh: mark, en: MARKS[mark]! }, ...(rest ? [{ zh: rest }] : [])];
}
