// How much of MAC-Dev's gold beads the lexical evidence explains, and how much of it crosses into the next bead.
//
//   npx tsx test/bench/gold-evidence.ts [--unexplained]
//
// For each gold bead with both sides, an English content word (distinct per sentence) is
// explained when a word of the bead's Chinese links to it; a crossing match is one between the
// bead's English and the next gold bead's Chinese. Printed for the dictionary's links alone and
// with the document's own translations learned from the first pass, as the second pass sees them.
// A change of the evidence is worth what its new right matches gain against the crossing ones it adds.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAnchors, firstPass, quoteGuidance, translatedSentences } from '../../server/align/align.ts';
import { parseBeads } from '../../server/align/bead-format.ts';
import { contentStems } from '../../server/align/english-words.ts';
import { fitLengthModel } from '../../server/align/length-model.ts';
import { learnFromPath, lexicalScorer } from '../../server/align/lexical-scorer.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { documentFeatures, documentStatistics, segmentDocument, withLearnedLinks, type DocumentFeatures } from '../../server/align/sentence-features.ts';
import { hasMac, macDir, readLines } from '../align/shared-data.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];

interface Tally {
  words: number;
  explained: number;
  crossing: number;
}

function main() {
  if (!hasMac) {
    console.log(`MAC-Dev not found under ${macDir}: nothing to measure.`);
    return;
  }
  const showUnexplained = process.argv.includes('--unexplained');
  const resources = loadAlignResources();
  const dictionary: Tally = { words: 0, explained: 0, crossing: 0 };
  const learned: Tally = { words: 0, explained: 0, crossing: 0 };
  const unexplained = new Map<string, number>();
  let learnedLinks = 0;
  for (const id of IDS) {
    const src = readLines(path.join(macDir, `${id}.zh`));
    const tgt = readLines(path.join(macDir, `${id}.en`));
    const gold = parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8')).filter((b) => b.src.length > 0 && b.tgt.length > 0);
    const doc = segmentDocument(src, tgt, resources);
    const stats = documentStatistics(doc);
    const features = documentFeatures(doc, stats);
    const scorer = lexicalScorer(doc, stats, features);
    const anchors = findAnchors(scorer, doc);
    const lengths = fitLengthModel(stats.lengthRatio, doc.srcLength, doc.tgtLength, anchors);
    const table = learnFromPath(doc, firstPass(doc, { stats, anchors, lengths, quotes: quoteGuidance(anchors, doc), sentences: translatedSentences(stats, anchors) }, {}, scorer).path);
    for (const links of table.values()) learnedLinks += links.length;
    // The first ids of an English sentence are its content stems, in order (see englishIds).
    const contentIds = tgt.map((sentence, j) => [...doc.tgt[j]!].slice(0, new Set(contentStems(sentence)).size));
    const tally = (f: DocumentFeatures, into: Tally, record: boolean) => {
      const linked = (zs: number[]) => new Set(zs.flatMap((z) => [...f.src[z]!.linkTarget]));
      gold.forEach((b, k) => {
        const own = linked(b.src);
        const next = gold[k + 1] ? linked(gold[k + 1]!.src) : new Set<number>();
        for (const j of b.tgt) {
          const stems = [...new Set(contentStems(tgt[j]!))];
          contentIds[j]!.forEach((e, n) => {
            into.words++;
            if (own.has(e)) into.explained++;
            else if (record) unexplained.set(stems[n]!, (unexplained.get(stems[n]!) ?? 0) + 1);
            if (next.has(e)) into.crossing++;
          });
        }
      });
    };
    tally(features, dictionary, false);
    tally(withLearnedLinks(features, doc, stats, table), learned, true);
  }
  const line = (name: string, t: Tally) => `${name}: ${t.explained}/${t.words} explained (${((100 * t.explained) / t.words).toFixed(1)} %), ${t.crossing} crossing (${(t.crossing / t.explained).toFixed(3)} a match)`;
  console.log(line('dictionary', dictionary));
  console.log(line('with learned', learned) + `; ${learnedLinks} learned links`);
  if (showUnexplained) {
    console.log([...unexplained].sort((a, b) => b[1] - a[1]).slice(0, 150).map(([w, n]) => `${w} ${n}`).join(', '));
  }
}

main();
