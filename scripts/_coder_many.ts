import { createEventCoder } from '../src/coder/index.js';
const coder = createEventCoder();
const S = [
  'Ukrainian drones struck an oil refinery in southern Russia overnight, local officials said.',
  'The United States and China agreed to resume military talks after a year-long freeze.',
  'Iran summoned the British ambassador to protest against the seizure of an oil tanker.',
  'Thousands of farmers blocked highways across France on Monday to protest against low prices.',
  'The European Union will impose tariffs on Chinese electric vehicles, the commission said.',
  'Prime Minister Narendra Modi welcomed the Australian delegation in New Delhi.',
  'Taliban authorities banned women from working for non-governmental organisations.',
  'Egypt and Qatar are mediating between Israel and Hamas to secure a ceasefire in Gaza.',
  'The army deployed thousands of soldiers to the border after clashes with rebels.',
  'Sudanese paramilitary forces killed at least 40 villagers in an attack on Tuesday.',
  'North Korea fired two ballistic missiles into the sea, South Korea\'s military said.',
  'Russia expelled two German diplomats in retaliation for a similar move by Berlin.',
  'Opposition leader Raila Odinga called for nationwide protests against the tax hikes.',
  'Germany pledged 500 million euros in humanitarian aid for Syria at a donor conference in Brussels.',
  'The court sentenced the former minister to ten years in prison for corruption.',
  'Venezuela rejected the election observers proposed by the European Union.',
  'Turkey accused Sweden of harbouring Kurdish militants.',
  'Israel withdrew its troops from the southern Lebanese town after a month-long operation.',
  'Hamas released three hostages on Saturday under the truce deal.',
  'Pakistan has not yet decided whether to send troops to the mission.',
];
for (const text of S) {
  const a = coder.code({ text, date: '2024-06-05' });
  console.log(text);
  for (const e of a.events) console.log('   ', e.type, e.code, e.mode ?? '', e.date, e.location?.name ?? '', '|', e.source.text, e.source.code, e.source.sector, '->', e.target?.text, e.target?.code, e.target?.sector, e.reciprocal ? 'R' : '', '{', text.slice(e.offsets.verb[0], e.offsets.verb[1]), '}');
}
