// Two news pages as a reader saves them: the same story in English and Chinese, with navigation, ads,
// a share bar, a headline list, a photo caption, comments and scripts around and inside the article.

export const EN_SENTENCES = [
  'Chengdu opened a new light-rail line on Monday, linking the airport with the city centre in 25 minutes.',
  'The line runs 42 kilometres and has 18 stations.',
  'City officials said about 300,000 passengers are expected to use it every day.',
  'Construction began in 2021 and cost 26 billion yuan.',
  'Residents welcomed the opening.',
  '"It used to take me over an hour to reach the airport," said Li Ming, a teacher.',
];

export const ZH_SENTENCES = [
  '成都新轻轨线路周一开通，机场至市中心只需25分钟。',
  '该线路全长42公里，设18个车站。',
  '市政府官员表示，预计每天约有30万人次乘坐。',
  '工程于2021年开工，总投资260亿元。',
  '市民对线路开通表示欢迎。',
  '“以前去机场要一个多小时，”教师李明说。',
];

const shell = (lang: string, title: string, nav: string[], article: string, comments: string) => `<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <title>${title} | Daily Wire Service</title>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
  <style>.ad { border: 1px solid #ccc } .share a { margin: 0 4px }</style>
</head>
<body>
  <header class="site-header">
    <div class="logo"><a href="/">Daily Wire</a></div>
    <nav class="main-nav"><ul>${nav.map((n) => `<li><a href="/${n}">${n}</a></li>`).join('')}</ul></nav>
  </header>
  <div class="ad ad-top" id="banner-ad"><span>Advertisement</span><img src="/ads/1.png" alt=""></div>
  <main>
    ${article}
    <section class="comments" id="comments">
      <h3>Comments</h3>
      ${comments}
    </section>
  </main>
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Stocks rally on rate hopes</a></li><li><a href="/b">Storm warning for the coast</a></li></ul></aside>
  <footer class="site-footer"><p>© 2026 Daily Wire Service. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
  <script src="/js/app.js"></script>
  <script>document.querySelectorAll('.share a').forEach(function (a) { a.addEventListener('click', function () {}); });</script>
</body>
</html>
`;

export function englishNewsPage(): string {
  const s = EN_SENTENCES;
  return shell('en', 'Chengdu opens airport light-rail line', ['World', 'China', 'Business', 'Sport'], `<article class="story">
      <h1>Chengdu opens airport light-rail line</h1>
      <p class="byline">By Wang Fang, Daily Wire · <time datetime="2026-11-30">November 30, 2026</time></p>
      <div class="share-bar"><a href="#">Share on Weibo</a> <a href="#">Share on WeChat</a> <a href="#">Email</a></div>
      <p>${s[0]} ${s[1]}</p>
      <figure><img src="/photos/rail.jpg" alt="A train at the airport station"><figcaption>A train waits at the airport station in Chengdu. Photo: Daily Wire</figcaption></figure>
      <p>${s[2]} ${s[3]}</p>
      <div class="inline-ad"><p>Sponsor Advertisement</p></div>
      <h2>A faster trip</h2>
      <p>${s[4]} ${s[5]}</p>
      <ul class="related-headlines">
        <li><a href="/c1">Chengdu to host leaders' summit</a></li>
        <li><a href="/c2">New metro map released</a></li>
      </ul>
    </article>`, `<div class="comment"><p class="author">reader42</p><p>Great news for travellers, finally a fast link to the airport!</p></div>
      <div class="comment"><p class="author">commuter</p><p>Will the fares be affordable for students and pensioners?</p></div>`);
}

export function chineseNewsPage(): string {
  const s = ZH_SENTENCES;
  return shell('zh-CN', '成都机场轻轨线路开通', ['国际', '国内', '财经', '体育'], `<article class="story">
      <h1>成都机场轻轨线路开通</h1>
      <p class="byline">新华社记者 王芳 · <time datetime="2026-11-30">2026年11月30日</time></p>
      <div class="share-bar"><a href="#">分享到微博</a> <a href="#">分享到微信</a></div>
      <p>${s[0]}${s[1]}</p>
      <figure><img src="/photos/rail.jpg" alt="机场站的列车"><figcaption>列车停靠在成都机场站。新华社发</figcaption></figure>
      <p>${s[2]}${s[3]}</p>
      <div class="inline-ad"><p>广告</p></div>
      <h2>出行更快捷</h2>
      <p>${s[4]}${s[5]}</p>
      <ul class="related-headlines">
        <li><a href="/c1">成都将举办领导人峰会</a></li>
        <li><a href="/c2">新版地铁线路图发布</a></li>
      </ul>
    </article>`, `<div class="comment"><p class="author">网友甲</p><p>终于有了去机场的快线，太方便了！</p></div>`);
}
