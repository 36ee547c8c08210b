import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';

/** The same short story in scripts that tokenise differently (our own words, translated by hand). */
const STORIES: Record<string, { dir: 'ltr' | 'rtl'; headline: string; paragraphs: string[] }> = {
  zh: {
    dir: 'ltr',
    headline: '旧渡轮码头关闭',
    paragraphs: [
      '市议会周二投票决定关闭旧渡轮码头，因为工程师在混凝土支柱中发现了深深的裂缝，这项服务已经运行了六十多年。',
      '依靠早班渡轮的居民说，这个决定让他们不得不绕着海湾开车四十分钟，一些店主担心来岛上市场的游客会减少。',
      '议会主席表示，如果地区交通基金批准官员们计划下个月提交的申请，春季之前可以安装一个临时浮动码头。',
    ],
  },
  ja: {
    dir: 'ltr',
    headline: '古いフェリー桟橋を閉鎖',
    paragraphs: [
      '市議会は火曜日、技術者がコンクリートの支柱に深いひび割れを見つけたことを受け、古いフェリー桟橋の閉鎖を決めた。',
      '朝の便を使う住民は、湾を回って車で四十分かかるようになると話し、店主たちは島の市場を訪れる客が減ると心配している。',
      '議長は、地域交通基金が来月提出予定の申請を認めれば、春までに仮の浮き桟橋を設置できると述べた。',
    ],
  },
  ar: {
    dir: 'rtl',
    headline: 'إغلاق رصيف العبّارات القديم',
    paragraphs: [
      'صوّت المجلس البلدي يوم الثلاثاء على إغلاق رصيف العبّارات القديم بعد أن وجد المهندسون تشققات عميقة في دعاماته الخرسانية.',
      'قال السكان الذين يعتمدون على العبّارة الصباحية إن القرار يجبرهم على القيادة أربعين دقيقة حول الخليج، وحذّر أصحاب المتاجر من تراجع عدد الزوار.',
      'وقال رئيس المجلس إنه يمكن تركيب رصيف عائم مؤقت بحلول الربيع إذا وافق صندوق النقل الإقليمي على الطلب الشهر المقبل.',
    ],
  },
  ru: {
    dir: 'ltr',
    headline: 'Старый паромный причал закрыт',
    paragraphs: [
      'Городской совет во вторник проголосовал за закрытие старого паромного причала после того, как инженеры обнаружили глубокие трещины в его бетонных опорах.',
      'Жители, которые пользуются утренним паромом, говорят, что теперь им придётся сорок минут объезжать залив, а владельцы магазинов опасаются потери покупателей.',
      'Председатель совета заявил, что временный плавучий причал может появиться к весне, если региональный транспортный фонд одобрит заявку.',
    ],
  },
};

function page(lang: string): string {
  const story = STORIES[lang];
  if (story === undefined) throw new Error(lang);
  const links = story.paragraphs.map((p, i) => `<li><a href="/more/${i}">${p.slice(0, 18)}</a></li>`).join('');
  return `<html lang="${lang}" dir="${story.dir}"><head><title>${story.headline} | Bay Herald</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article><h1>${story.headline}</h1>${story.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<div class="related-links"><ul>${links}</ul></div></main><footer>Bay Herald 2024</footer></body></html>`;
}

describe('extractArticle in other scripts', () => {
  for (const lang of Object.keys(STORIES)) {
    it(`keeps exactly the body paragraphs of a ${lang} story and its headline`, () => {
      const story = STORIES[lang];

      const article = extractArticle(page(lang), { url: `https://news.example.com/${lang}/ferry` });

      expect(article.text.split('\n\n')).toEqual(story?.paragraphs);
      expect(article.title).toBe(story?.headline);
      expect(article.flags.notArticle).toBe(false);
    });
  }
});
