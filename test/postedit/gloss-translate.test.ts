import { pinyin as toPinyin } from 'pinyin-pro';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanSense } from '../../server/domain/dictionary-sense.ts';
import { glossTranslate, type GlossDeps } from '../../server/domain/gloss-translate.ts';
import { glossEngine } from '../../server/domain/mt-engine.ts';
import { countPersonNames } from '../../server/domain/person-names.ts';
import { glossCommonSenses, glossDictionary, offlineGlossDeps } from '../../server/mt/load-gloss-dictionary.ts';

// A few real CC-CEDICT entries, split into senses as a dictionary lookup returns them.
const LEXICON: Record<string, string[]> = {
  金: ['surname Jin', 'gold', 'chemical element Au', 'metal'],
  文: ['surname Wen', 'language', 'culture', 'writing'],
  教授: ['professor', 'to instruct', 'to lecture on', 'CL:個|个[ge4],位[wei4]'],
  精华: ['best feature', 'most important part of an object', 'quintessence', 'essence', 'soul'],
  精选: ['to select', 'choice', 'concentration (mining)'],
  会见: ['to meet with (sb who is paying a visit)', 'CL:次[ci4]'],
  韩国: ['South Korea (Republic of Korea)'],
  总统: ['president (of a country)', 'CL:個|个[ge4],位[wei4],名[ming2],屆|届[jie4]'],
  提升: ['to promote', 'to upgrade'],
  务实: ['pragmatic', 'to deal with concrete issues'],
  合作: ['to cooperate', 'to collaborate', 'to work together', 'cooperation', 'CL:個|个[ge4]'],
  的: ["of", "~'s (possessive particle)"],
  水平: ['level (of achievement etc)', 'standard', 'horizontal'],
  和: ['and', 'together with', 'with', 'sum', 'union', 'peace', 'harmony', 'surname He'],
  层次: ['arrangement of ideas', 'administrative level', 'level'],
  这: ['this', 'these'],
  是: ['is', 'are', 'am', 'yes', 'to be'],
  会晤: ['to meet', 'meeting', 'conference'],
  中韩: ['China-South Korea'],
  近邻: ['neighbor', 'neighbor country', 'near neighbor'],
  两国: ['both countries', 'two countries'],
  贸易: ['(commercial) trade', 'CL:個|个[ge4]'],
  增长: ['to grow', 'to increase', 'growth'],
  习: ['surname Xi', 'to practice', 'to study', 'habit'],
  // Proper-noun entries (capitalised pinyin) come first in CC-CEDICT; COMMON holds the lower-case entries' senses.
  比: ['Belgium', 'Belgian', 'abbr. for 比利時|比利时[Bi3 li4 shi2]', 'euphemistic variant of 屄[bi1]', 'to compare', '(followed by a noun and adjective) more {adj.} than {noun}', 'ratio'],
  中: ['(bound form) China; Chinese', 'surname Zhong', 'within; among; in', 'middle; center', 'to hit (a target)'],
  周: ['surname Zhou', 'Zhou Dynasty (1046-256 BC)', 'to make a circuit', 'to circle', 'week'],
  元: ['surname Yuan', 'Yuan dynasty (1279–1368)', 'currency unit (esp. Chinese yuan)', '(bound form) first; original; primary'],
  大爷: ['arrogant idler', 'self-centered show-off', "(coll.) father's older brother; uncle"],
  一日千里: ['lit. one day, a thousand miles (idiom); rapid progress'],
  一本万利: ['small capital, huge profit (idiom); to put in a little and get a lot out'],
  一举两得: ['(lit.) one action, two gains (idiom)', '(fig.) two birds with one stone'],
  不寒而栗: ['lit. not cold, yet shivering (idiom)', 'fig. to tremble with fear', 'to be terrified'],
  天衣无缝: ['lit. seamless heavenly clothes (idiom)', 'fig. flawless'],
  新华社: ["Xinhua News Agency, official press agency of the People's Republic of China, founded in 1931"],
  北京: ["Beijing municipality, capital of the People's Republic of China (short name 京[Jing1])"],
  东京: ['Tokyo, capital of Japan', 'Tonkin (northern Vietnam during the French colonial period)'],
  电: ['lightning', 'electricity', 'electric (bound form)', 'to get (or give) an electric shock', 'phone call or telegram etc'],
  记者: ['reporter; journalist', 'CL:個|个[ge4]'],
  国家主席: ['president (title of the head of state of China and several other nations)'],
};
const COMMON: Record<string, string[]> = {
  比: ['euphemistic variant of 屄[bi1]', 'to compare', '(followed by a noun and adjective) more {adj.} than {noun}', 'ratio'],
  中: ['within; among; in', 'middle; center', 'to hit (a target)'],
  周: ['to make a circuit', 'to circle', 'week'],
  元: ['currency unit (esp. Chinese yuan)', '(bound form) first; original; primary'],
};

// Longest match against the lexicon; characters it lacks are grouped into one word, as jieba
// keeps an unknown name together.
function segment(zh: string): string[] {
  const out: string[] = [];
  let unknown = '';
  for (let i = 0; i < zh.length; ) {
    const len = [4, 3, 2, 1].find((n) => LEXICON[zh.slice(i, i + n)]) ?? 0;
    if (!len || !/\p{Script=Han}/u.test(zh[i]!)) {
      if (/\p{Script=Han}/u.test(zh[i]!)) unknown += zh[i];
      else (unknown && out.push(unknown), (unknown = ''), out.push(zh[i]!));
      i++;
      continue;
    }
    if (unknown) out.push(unknown), (unknown = '');
    out.push(zh.slice(i, i + len));
    i += len;
  }
  if (unknown) out.push(unknown);
  return out;
}

const DEPS: GlossDeps = {
  segment,
  lookup: (w) => LEXICON[w] ?? [],
  common: (w) => COMMON[w] ?? [],
  glossary: [],
  pinyin: (name) => toPinyin(name),
};

describe('glossTranslate', () => {
  it('when a surname is followed by an unknown given name then it is spelled as a name', () => {
    const { text, note } = glossTranslate('金灿荣教授 精华精选', DEPS);
    expect(text).toContain('Jin Canrong');
    expect(text).toContain('professor');
    expect(text).toBe('Jin Canrong professor best feature select');
    expect(note).toMatch(/^Word-by-word gloss .* rewrite it into natural English\./);
    expect(note).toContain('1 likely name was spelled in pinyin');
  });

  it('when glossary terms are in the sentence then they win over the dictionary', () => {
    const deps = { ...DEPS, glossary: [{ zh: '习近平', en: 'Xi Jinping' }, { zh: '文在寅', en: 'Moon Jae-in' }, { zh: '习', en: 'study' }] };
    const { text } = glossTranslate('习近平会见文在寅', deps);
    expect(text).toMatch(/^Xi Jinping .*Moon Jae-in$/);
    expect(text).toBe('Xi Jinping meet with Moon Jae-in');
  });

  it('when there is no glossary then an unknown three-character name is spelled from pinyin', () => {
    expect(glossTranslate('会见文在寅。', DEPS).text).toBe('Meet with Wen Zaiyin.');
  });

  it('when CC-CEDICT senses carry clutter then the first clean meaning is used', () => {
    expect(glossTranslate('提升务实合作的水平和层次。', DEPS).text).toBe('Promote pragmatic cooperate of level and arrangement of ideas.');
    expect(cleanSense('CL:個|个[ge4],位[wei4]')).toBe('');
    expect(cleanSense('surname Jin')).toBe('');
    expect(cleanSense('(literary) to meet with (sb who is paying a visit); to receive')).toBe('meet with');
    expect(cleanSense('president (of a country)')).toBe('president');
    // A description after a comma is the dictionary explaining, not a word a translator would write.
    expect(cleanSense("Beijing municipality, capital of the People's Republic of China")).toBe('Beijing municipality');
    expect(cleanSense('some, a few, several')).toBe('some');
    expect(cleanSense('10,000')).toBe('10,000');
  });

  it('when an idiom has a literal reading then its meaning is glossed, and a saying keeps the commas inside it', () => {
    expect(glossTranslate('合作一日千里', DEPS).text).toBe('Cooperate rapid progress');
    expect(glossTranslate('这是一举两得。', DEPS).text).toBe('This is two birds with one stone.');
    expect(glossTranslate('教授不寒而栗', DEPS).text).toBe('Professor tremble with fear');
    expect(glossTranslate('天衣无缝的合作', DEPS).text).toBe('Flawless of cooperate');
    expect(glossTranslate('一本万利的贸易', DEPS).text).toBe('Small capital, huge profit of trade');
  });

  it('when a sentence opens with a news dateline then its 电 is the wire it was filed by, elsewhere still lightning', () => {
    expect(glossTranslate('新华社北京12月23日电 国家主席习近平', DEPS).text)
      .toBe('Xinhua News Agency Beijing municipality December 23 wire president Xi Jinping');
    expect(glossTranslate('新华社东京电（记者金灿荣）', DEPS).text).toBe('Xinhua News Agency Tokyo wire (reporter Jin Canrong)');
    expect(glossTranslate('北京电', DEPS).text).toBe('Beijing municipality lightning');
    expect(glossTranslate('新华社北京电记者', DEPS).text).toBe('Xinhua News Agency Beijing municipality lightning reporter');
  });

  it('when numbers are written in Chinese then they become figures', () => {
    expect(glossTranslate('这是第八次会晤。', DEPS).text).toBe('This is 8th meet.');
    expect(glossTranslate('贸易增长百分之五', DEPS).text).toBe('Trade grow 5%');
    expect(glossTranslate('二〇一九年十二月二十三日', DEPS).text).toBe('2019 December 23');
    expect(glossTranslate('１２个和一千二百个', DEPS).text).toContain('12');
    expect(glossTranslate('3.5万', DEPS).text).toBe('35,000');
  });

  it('when a sum is in yuan then it reads as yuan with its thousands apart, never as the Yuan dynasty', () => {
    expect(glossTranslate('贸易增长2,340元。', DEPS).text).toBe('Trade grow 2,340 yuan.');
    expect(glossTranslate('增长3.5万元', DEPS).text).toBe('Grow 35,000 yuan');
    expect(glossTranslate('贸易增长2,340', DEPS).text).toBe('Trade grow 2,340');
  });

  it('when a one-character word is first a proper noun in the dictionary then its common sense is used, unless names stand beside it', () => {
    expect(glossTranslate('贸易比增长', DEPS).text).toBe('Trade compare grow');
    expect(glossTranslate('两国中', DEPS).text).toBe('Both countries within');
    expect(glossTranslate('中、比两国', DEPS).text).toBe('China, Belgium both countries');
    expect(glossTranslate('周大爷', DEPS).text).toBe('Zhou arrogant idler');
  });

  it('when Chinese punctuation is used then English punctuation is spaced the English way', () => {
    expect(glossTranslate('中韩两国是近邻，《精选》（教授）“精华”！', DEPS).text)
      .toBe('China-South Korea both countries is neighbor, “select” (professor) “best feature”!');
  });

  it('when a single unknown character appears then it stays in Chinese and the note says so', () => {
    const { text, note } = glossTranslate('近邻乎', DEPS);
    expect(text).toBe('Neighbor 乎');
    expect(note).toContain('1 word is not in the dictionary and left in Chinese.');
  });
});

// The engine's own parts: CC-CEDICT as the hanzi package ships it, jieba's segmentation, ICU's country names.
describe('glossTranslate with CC-CEDICT and jieba', () => {
  let deps: GlossDeps;
  // Parsing CC-CEDICT and starting jieba take seconds on a busy machine, more than a test's default time.
  beforeAll(() => {
    deps = offlineGlossDeps([]);
    deps.segment('中韩');
  }, 60_000);
  const gloss = (zh: string) => glossTranslate(zh, deps).text;

  it('when country abbreviations are joined then they read as the countries, whether jieba cuts them apart or not', () => {
    expect(gloss('中韩双方要深化合作')).toBe('China-South Korea bilateral want deepen cooperate');
    expect(gloss('韩中两国')).toBe('South Korea-China both countries');
    expect(gloss('第八次中日韩领导人会议')).toBe('8th China-Japan-South Korea leader meeting');
    expect(gloss('中法合作')).toBe('China-France cooperate');
    expect(gloss('中美俄')).toBe('China-US-Russia');
  });

  it('when an abbreviation stands alone or inside a foreign name then it keeps its own reading', () => {
    expect(gloss('两国中')).toBe('Both countries within');
    expect(gloss('彭齐阿斯和威尔逊')).not.toMatch(/Afghanistan|Slovakia/);
  });

  it('when jieba keeps an unknown word whole then it is glossed by the dictionary words that make it up, unless it looks like a name', () => {
    // The point is 高 + 水平, not "Gao Shuiping".
    expect(gloss('迈上更高水平')).toBe('Step up more high level');
    expect(gloss('两年来，中韩关系保持了大方向')).toBe('Two year come, China-South Korea relation keep big direction');
    expect(gloss('外交部发言人华春莹')).toBe('Ministry of Foreign Affairs spokesperson Hua Chunying');
    expect(gloss('金灿荣教授')).toBe('Jin Canrong professor');
  });

  it('when a surname comes before a given name that is also a word then it is a name, if people in the dictionary have such names', () => {
    // 建国 "found a country": jieba keeps 王建国 whole, and 王, 建 and 国 are in the names of people CC-CEDICT lists.
    expect(gloss('王建国说')).toBe('Wang Jianguo speak');
    // jieba sets the surname apart; a verb of speech after 文明 "civilisation" tells it is a person's.
    expect(gloss('陈文明说')).toBe('Chen Wenming speak');
    expect(gloss('李明表示')).toBe('Li Ming express');
    // jieba tags 高水平 a person's name too, but no one in the dictionary has 水 in a given name.
    expect(gloss('高水平')).toBe('High level');
  });

  it('when a character CC-CEDICT also lists as a surname starts a word then it is a word unless someone bears that surname', () => {
    expect(gloss('水中加盐')).toBe('Water within add salt');
    expect(gloss('加水')).toBe('Add water');
    expect(gloss('我和国家')).toBe('I and country');
    // No person is surnamed 成 in the dictionary, but jieba knows 成都 as a place.
    expect(gloss('成都')).toBe('Cheng Dou');
  });

  it('when a character has several readings then the sense of the one the sentence reads is glossed', () => {
    expect(gloss('他说')).toBe('He speak');
    expect(gloss('合上')).toBe('Close up');
    expect(gloss('很脏')).toBe('Very dirty');
    // 打's first sense explains it as a light verb over fifty words; the next one translates it.
    expect(gloss('打人')).toBe('Hit person');
    // pinyin-pro reads 地 dì even after an adverb; jieba, which left it alone, holds it a particle.
    expect(gloss('慢慢地走')).toBe('Slowly walk');
    // 秖 "grain that has begun to ripen", simplified as 只, is in no longer word of the dictionary.
    expect(gloss('一只鸟')).not.toMatch(/grain/);
  });

  it('when a particle only marks grammar then the gloss leaves it out, and the same character read as a word stays', () => {
    // English says these by tense, aspect or the question mark: "aspect particle indicating action in progress" and
    // "(completed action marker)" had been written into drafts as words.
    expect(gloss('他看着我笑了。')).toBe('He see I laugh.');
    expect(gloss('你吃饭了吗？')).toBe('You have a meal?');
    expect(gloss('好啊！')).toBe('Good!');
    expect(gloss('哥哥们听。')).toBe('Older brother listen to.');
    expect(gloss('我去过北京。')).not.toMatch(/cross|marker/);
    // 着 zháo "fall asleep", 了 liǎo in a word, 着手 "put one's hand to it" are words, not particles.
    expect(gloss('我睡着了。')).toBe('I fall asleep.');
    expect(gloss('他了解这个问题。')).toBe('He understand this question.');
    expect(gloss('过马路')).toMatch(/^Cross/);
    expect(gloss('他过马路')).toMatch(/^He cross/);
    expect(gloss('我过二十一岁生日。')).toMatch(/^I cross 21/);
    // Before punctuation, or after a closing quote, 了 ends a clause; a mood particle ends one after anything.
    expect(gloss('是怎么了？')).toBe('Be how?');
    expect(gloss('“贵人多忘事”了。')).not.toMatch(/finish/i);
    expect(gloss('抬着你哩！')).toBe('Lift you!');
    // A sense's own mark gives way to the sentence's.
    expect(gloss('哇，这么精确？')).toBe('Wow, so much accurate?');
  });

  it('when a word is also a pair of country abbreviations then it is the word, unless it stands in a list of countries', () => {
    expect(gloss('美德')).toBe('Virtue');
    expect(gloss('中美德')).toBe('China-US-Germany');
    expect(gloss('韩中两国')).toBe('South Korea-China both countries');
  });
});

describe('cleanSense with English word frequencies', () => {
  // How many CC-CEDICT entries translate by each word alone (a verb counted as a verb).
  const FREQUENCY: Record<string, number> = { horizontal: 3, level: 34, universe: 3, space: 7, 'to speak': 17, 'to talk': 16, 'to express': 21, 'to state': 6, state: 35, 'to cooperate': 9 };
  const frequency = (w: string) => FREQUENCY[w] ?? 0;
  it('when an alternative after a semicolon is far more often a translation then it is the gloss, otherwise the first stays', () => {
    expect(cleanSense('horizontal; level', frequency)).toBe('level');
    expect(cleanSense('horizontal; level')).toBe('horizontal');
    expect(cleanSense('universe; cosmos; space', frequency)).toBe('universe');
    expect(cleanSense('to speak; to talk; to say', frequency)).toBe('speak');
    // "state" the noun is no evidence for "to state" the verb.
    expect(cleanSense('(of sb) to express; to state; to show', frequency)).toBe('express');
    expect(cleanSense('to cooperate; to work together', frequency)).toBe('cooperate');
    expect(cleanSense('(specifier) that; those', frequency)).toBe('that');
  });
});

describe('countPersonNames', () => {
  it('when CC-CEDICT entries are people then their surnames and given-name characters are counted, places and country pairs not', () => {
    const entries = [
      { headword: '毛泽东', pinyin: 'Mao2 Ze2 dong1', sense: 'Mao Zedong (1893-1976), Chinese Marxist theorist' },
      { headword: '李白', pinyin: 'Li3 Bai2', sense: 'Li Bai (701-762), famous Tang Dynasty poet' },
      { headword: '高雄', pinyin: 'Gao1 xiong2', sense: 'Kaohsiung, a city in southern Taiwan' },
      { headword: '美德', pinyin: 'Mei3 De2', sense: 'USA and Germany' },
    ];
    const { surnames, given } = countPersonNames(entries, (c) => '毛李高美'.includes(c));
    expect([...surnames]).toEqual([['毛', 1], ['李', 1]]);
    expect([...given]).toEqual([['泽', 1], ['东', 1], ['白', 1]]);
  });
});

describe('glossEngine', () => {
  it('when asked for several sentences then it returns one draft with a note per sentence, in order', async () => {
    const engine = glossEngine(DEPS);
    expect(engine.name).toBe('gloss');
    const out = await engine.translate(['中韩两国是近邻。', '金灿荣教授'], 'zh', 'en');
    expect(out.map((d) => d.text)).toEqual(['China-South Korea both countries is neighbor.', 'Jin Canrong professor']);
    expect(out.every((d) => d.note?.startsWith('Word-by-word gloss'))).toBe(true);
  });
});

describe('the gloss dictionary', () => {
  it('when asked for twice then CC-CEDICT was parsed once: the same senses come back, both scripts indexed', () => {
    const senses = glossDictionary();
    expect(glossDictionary()).toBe(senses);
    expect(senses.get('会见')?.[0]).toMatch(/meet/);
    expect(senses.get('會見')).toEqual(senses.get('会见'));
    expect(senses.get('比')?.[0]).toBe('Belgium');
    expect(glossCommonSenses().get('比')).toContain('to compare');
    expect(glossCommonSenses().get('比')).not.toContain('Belgium');
  });
});
