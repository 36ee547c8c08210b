/** Small hand-written news pages for the extract tests (our own words, no third-party text). */

export const BODY_PARAGRAPHS = [
  'The harbour council voted on Tuesday to close the old ferry pier after engineers found deep cracks in its concrete supports, ending a service that had run for more than sixty years.',
  'Residents who rely on the morning crossing said the decision left them with a forty minute drive around the bay, and several shop owners warned that fewer visitors would reach the island market.',
  'The council chair said a temporary floating dock could be installed by the spring if the regional transport fund approves the request that officials plan to submit next month.',
  'Engineers will return in January to test whether the northern half of the pier can be repaired rather than rebuilt, a choice that would cut the expected cost by nearly half.',
];

/** A full article page wrapped in navigation, a cookie banner, share bar, related links and comments. */
export function clutteredArticlePage(extraHead = ''): string {
  const paragraphs = BODY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Ferry pier closes | Bay Herald</title>${extraHead}
<style>.x{color:red}</style><script>window.tracker = 'do not emit';</script></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main><article>
<h1>Council closes the old ferry pier</h1>
<p class="byline">By Jane Example</p>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
${paragraphs.split('\n').slice(0, 2).join('\n')}
<figure><img src="pier.jpg" alt=""><figcaption>The pier at low tide last week. Photo: Staff</figcaption></figure>
<h2>What happens next</h2>
${paragraphs.split('\n').slice(2).join('\n')}
<ul><li>Ferry timetable suspended from Monday</li><li>Bus link extended to the harbour</li></ul>
<p>Read more: <a href="/other">Council budget row deepens</a></p>
</article>
<section class="related-stories"><h3>Related</h3><ul><li><a href="/a">Bridge repairs delayed again</a></li><li><a href="/b">Island market reopens</a></li></ul></section>
<section id="comments" class="comments"><p>Great news, that pier was dangerous for years and everyone knew it would come to this.</p></section>
</main><footer class="site-footer"><p>Copyright Bay Herald. All rights reserved.</p></footer></body></html>`;
}

/** A paywall stub: a teaser sentence and a subscription prompt, JSON-LD marks it not free. */
export function paywallStubPage(): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Budget talks stall',
    isAccessibleForFree: 'False',
    datePublished: '2024-03-02T08:00:00Z',
  });
  return `<html><head><script type="application/ld+json">${ld}</script></head><body><article>
<h1>Budget talks stall</h1><p>Negotiators left the capital without a deal late on Friday night.</p>
<div class="paywall-prompt"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>
</article></body></html>`;
}

/** A German article page. */
export function germanArticlePage(): string {
  const body = [
    'Der Stadtrat hat am Dienstag beschlossen, den alten Fähranleger zu schließen, nachdem Ingenieure tiefe Risse in den Betonstützen gefunden hatten.',
    'Viele Anwohner sind auf die morgendliche Überfahrt angewiesen und müssen nun einen langen Umweg über die Landstraße in Kauf nehmen.',
    'Der Vorsitzende erklärte, ein schwimmender Anleger könne bis zum Frühjahr eingerichtet werden, wenn der regionale Verkehrsfonds zustimmt.',
  ]
    .map((p) => `<p>${p}</p>`)
    .join('');
  return `<html lang="de"><head><title>Fähranleger geschlossen</title></head><body><article><h1>Fähranleger geschlossen</h1>${body}</article></body></html>`;
}

/** A page that is only a cookie consent dialog. */
export function consentWallPage(): string {
  return `<html><head><title>Before you continue</title></head><body><div class="consent-dialog">
<h2>We value your privacy</h2><p>We and our partners use cookies and similar technologies to store and access personal data on your device. You can accept all, reject all or manage preferences in the privacy settings at any time.</p>
<button>Accept all</button><button>Reject all</button><a href="/privacy">Privacy policy</a></div></body></html>`;
}

/** A section front: dozens of headline links and no prose. */
export function sectionFrontPage(): string {
  const items = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="/story/${i}">Headline number ${i} about a local matter</a></li>`,
  ).join('');
  return `<html><head><title>Local news</title></head><body><h1>Local news</h1><ul>${items}</ul></body></html>`;
}
