// Word files for the tests, built here with JSZip from the XML Word itself writes: styled headings, runs split
// mid-word, tabs, tracked deletions, a table, list numbering and a picture caption.

import JSZip from 'jszip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (style: string | null, body: string, extra = '') =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extra}<w:spacing w:after="160"/></w:pPr>${body}</w:p>`;

/** A Word document: each entry is [style id or null, runs XML, extra paragraph properties]. */
export async function wordFile(paragraphs: [string | null, string, string?][], opts: { table?: string[][] } = {}): Promise<Uint8Array> {
  const body = paragraphs.map(([style, body, extra]) => para(style, body, extra)).join('');
  const table = opts.table ? `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${opts.table.map((row) =>
    `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : '';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  // Localised Word keeps the English style names in w:name and makes up its own ids ("1", "2", "a3").
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="caption"/></w:style><w:style w:type="paragraph" w:styleId="a5"><w:name w:val="List Paragraph"/></w:style></w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}${table}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}


const numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';

/** The Chinese source of the test pair: a title, a heading, paragraphs (one typed in three runs), a list and a caption. */
export function chineseWordFile(): Promise<Uint8Array> {
  return wordFile([
    ['Title', run('成都机场轻轨线路开通')],
    [null, run('成都新轻轨线路周一') + run('开通', '<w:b/>') + run('，机场至市中心只需25分钟。该线路全长42公里，设18个车站。')],
    ['a3', run('图为列车停靠在成都机场站。')],
    ['1', run('出行更快捷')],
    [null, run('市民对线路开通表示欢迎。') + '<w:del w:id="1" w:author="编辑"><w:r><w:delText>删去的文字。</w:delText></w:r></w:del>'],
    ['a5', run('票价：2元起。'), numbered],
    ['a5', run('首班车：早上6点。'), numbered],
  ]);
}

/** Its English translation as a translator's Word file: the same structure in Word's own English style ids. */
export function englishWordFile(): Promise<Uint8Array> {
  return wordFile([
    ['Title', run('Chengdu opens airport light-rail line')],
    [null, run('Chengdu opened a new light-rail line on Monday, linking the airport with the city centre in 25 minutes.') + '<w:r><w:tab/></w:r>' + run('The line runs 42 kilometres and has 18 stations.')],
    ['a3', run('A train at the airport station in Chengdu.')],
    ['1', run('A faster trip')],
    [null, run('Residents welcomed the opening.')],
    ['a5', run('Fares start at 2 yuan.'), numbered],
    ['a5', run('The first train leaves at 6 a.m.'), numbered],
  ]);
}
