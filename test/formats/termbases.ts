// Termbases as terminology tools export them, for the TBX reader's tests and the glossary's HTTP tests.

// TBX 2 as MultiTerm exports it: a DOCTYPE naming its DTD, locale codes in capitals, a definition, ntig/termGrp
// for one term and tig for others, a concept in German and French only, and synonyms.
export const MULTITERM = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>Exported from MultiTerm</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="definition">中国国家主席 &amp; 总书记</descrip>
      <langSet xml:lang="ZH-CN"><ntig><termGrp><term>习近平</term></termGrp></ntig></langSet>
      <langSet xml:lang="EN-US"><tig><term>Xi Jinping</term></tig></langSet>
    </termEntry>
    <termEntry id="c2">
      <langSet xml:lang="de"><tig><term>Gipfel</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>sommet</term></tig></langSet>
    </termEntry>
    <termEntry id="c3">
      <note>Use either; “mutual benefit” in titles.</note>
      <langSet xml:lang="zh-Hans"><tig><term>互利共赢</term></tig><tig><term>合作共赢</term></tig></langSet>
      <langSet xml:lang="en-GB"><tig><term>win-win
        cooperation</term></tig><tig><term>mutual benefit</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
`;
