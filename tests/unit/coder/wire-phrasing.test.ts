import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { stubGazetteer } from './stub-gazetteer.js';

// Classes of wire phrasing the coder must read (nominalisations, progressives, reporting clauses), each with
// several members; none of these sentences is from a dataset.
const coder = createEventCoder({ gazetteer: stubGazetteer });
const code = (text: string, date: string | null = '2025-03-14') => coder.code({ text, date }).events;
const first = (text: string) => code(text)[0]?.code ?? null;

describe('action nouns with their object after "of"', () => {
  it('reads the noun as its verb with that object', () => {
    expect(first('The Security Council approved the deployment of peacekeepers to the region.')).toBe('074');
    expect(first('The government authorised the release of 300 prisoners.')).toBe('084');
    expect(first('Kenya welcomed the deployment of observers by the African Union.')).toMatch(/^05/);
    expect(first('Chad announced the deployment of troops to the border with Sudan.')).toBe('154');
  });

  it('takes no action noun without "of" for an act', () => {
    expect(code('The deployment zone stretches along the coast.')).toEqual([]);
  });
});

describe('progressive acts the tagger reads as adjectives or nouns', () => {
  it('codes "are striking", "is bombing" with an object', () => {
    expect(first('Russian warplanes are striking rebel positions in the province.')).toMatch(/^19/);
    expect(first('Government jets are bombing villages near the front line.')).toMatch(/^(18|19)/);
  });

  it('keeps a predicate adjective without an object', () => {
    expect(code('The results of the survey are striking.')).toEqual([]);
  });
});

describe('a reporter is not the doer of the act it reports', () => {
  it('codes no event for a crime among private persons reported by the police', () => {
    expect(code('A gunman shot dead three people at a supermarket, police said.')).toEqual([]);
    expect(code('Police said a gunman shot dead three people at a supermarket.')).toEqual([]);
    expect(code('Police said the woman was assaulted by her husband.')).toEqual([]);
  });

  it('still takes the reporter for its own act and a known actor in the reported clause', () => {
    expect(code('The army said it had arrested 12 suspected militants.')[0]?.source.text).toBe('army');
    expect(code('Kenya said Somali militants attacked a police post.')[0]?.source.text).toMatch(/militants/);
  });
});

describe('troops deployed to monitor are peacekeepers', () => {
  it('codes protection (074) for a deployment to monitor a ceasefire', () => {
    expect(first('The United Nations deployed a team of 75 officers to monitor the ceasefire in the port city.')).toBe(
      '074',
    );
  });
});

describe('a deployment or arrival whose purpose is aid', () => {
  it('codes the aid or cooperation it was sent for', () => {
    expect(first('Troops from Britain have arrived in Sierra Leone to help deliver aid to remote villages.')).toMatch(
      /^07/,
    );
    expect(first('Twelve US soldiers deployed to Ghana to train 200 Ghanaian soldiers.')).toMatch(/^06/);
  });

  it('keeps a deployment to pressure someone a show of force', () => {
    expect(first('Russia deployed troops to the border to pressure Ukraine.')).toMatch(/^15/);
  });
});

describe('money amounts inside a pattern', () => {
  it('reads "approved a $300 million loan" as economic aid', () => {
    expect(first('The World Bank approved a $300 million loan for Kenya.')).toBe('071');
    expect(first('The IMF approved a €2 billion credit line for Egypt.')).toBe('071');
    expect(first('Italy suspended a 5% levy on imported grain from Ukraine.')).toBe('061');
  });
});

describe('police and courts acting on ordinary persons for ordinary crimes', () => {
  it('codes no event for the arrest or sentencing of a private person', () => {
    expect(code('Local police arrested a man suspected of killing his wife.')).toEqual([]);
    expect(code('A man who robbed a bank in the city was sentenced to 10 years in prison.')).toEqual([]);
  });

  it('still codes arrests of protesters, journalists and opponents', () => {
    expect(first('Police arrested 30 opposition supporters in the capital.')).toMatch(/^17/);
    expect(first('Two journalists were detained by security forces in Cairo.')).toMatch(/^17/);
  });
});

describe('raising words before "to be"', () => {
  it('reads the passive subject over "expected to be" and the mode from the raising word', () => {
    expect(first('The prisoners are set to be released on Friday.')).toBe('084');
    expect(code('The prisoners are unlikely to be released this year.').every((e) => e.mode === 'hypothetical')).toBe(
      true,
    );
    expect(first('Three journalists are believed to have been detained by police.')).toMatch(/^17/);
  });
});

describe('acts only proposed', () => {
  it('takes the act after "a proposal to", "a bill to" as supposed', () => {
    const events = code('Lawmakers debated a proposal to lift the embargo.');
    expect(events.every((e) => e.mode === 'hypothetical')).toBe(true);
  });

  it('codes proposing to act as an intent (03x), not the act', () => {
    expect(first('Germany proposed to send observers to the region.')).toMatch(/^03/);
  });
});

describe('the agent of an event noun', () => {
  it('takes the actor after "by" in the noun phrase as the source', () => {
    expect(code('The seizure of the tanker by Iranian forces angered London.')[0]?.source.text).toMatch(
      /Iranian forces/,
    );
  });

  it('takes the agent of a passive whose subject is the event noun', () => {
    const [lifting] = code('The lifting of sanctions against Belarus was announced by the European Union on Monday.');
    expect(lifting?.code).toBe('085');
    expect(lifting?.source.text).toBe('European Union');
  });
});

describe('passive participles the tagger reads as adjectives', () => {
  it('codes "have been rounded up by security forces"', () => {
    expect(first('Hundreds of activists have been rounded up by security forces.')).toBe('173');
  });
});

describe('aerial force and riot control verbs', () => {
  it('codes drones launched, aircraft downed and crowds tear-gassed', () => {
    expect(first('Houthi rebels launched drones at Saudi oil facilities.')).toBe('195');
    expect(first('Ukrainian forces downed a Russian helicopter.')).toBe('195');
    expect(first('Police tear-gassed demonstrators in Nairobi.')).toBe('175');
  });
});

describe('"came under attack": the subject suffers the act', () => {
  it('takes the subject as target and the "by" agent as source', () => {
    const [attack] = code('The Turkish embassy came under attack by gunmen on Monday.');
    expect(attack?.code).toMatch(/^18/);
    expect(attack?.target?.text).toMatch(/embassy/);
    expect(first('Government positions came under heavy shelling overnight.')).toBe('194');
  });
});

describe('aid received and things returned', () => {
  it('takes the giver after "from" as the source of aid received', () => {
    const [aid] = code('Kenya received 500,000 doses of vaccine from Britain.');
    expect(aid?.code).toMatch(/^07/);
    expect(aid?.source.code).toBe('GBR');
    expect(aid?.target?.code).toBe('KEN');
  });

  it('keeps receiving a delegation a meeting (04x)', () => {
    expect(first('The president received the Chinese delegation in the capital.')).toMatch(/^04/);
  });

  it('reads "was returned to" as giving back (084)', () => {
    expect(first('An ancient statue was returned to Egypt by the United States.')).toBe('084');
  });
});

describe('money pledged', () => {
  it('codes a pledge of an amount as a pledge of material aid (033)', () => {
    expect(first('Britain pledged $500 million for the reconstruction of Mosul.')).toBe('033');
  });
});

describe('relief let through', () => {
  it('codes allowing relief, supplies or food in as humanitarian access (0863)', () => {
    expect(first('The junta allowed relief supplies into the flooded province.')).toBe('0863');
  });
});

describe('an act whose object or noun is denied with "no"', () => {
  it('codes no event for "made no arrests", "fired no shots", "no new sanctions"', () => {
    expect(code('Police have made no arrests.')).toEqual([]);
    expect(code('The soldiers fired no shots during the standoff.')).toEqual([]);
    expect(code('The European Union announced no new sanctions against Iran on Monday.')).toEqual([]);
  });

  it('still codes "made several arrests"', () => {
    expect(first('Police made several arrests after the riot in the capital.')).toMatch(/^17/);
  });
});

describe('"would" in reported speech', () => {
  it('reads "said it would deliver" as a reported plan, not a supposition', () => {
    const [plan] = code('Germany said on Tuesday it would deliver tanks to Ukraine.');
    expect(plan?.code).toMatch(/^03/);
    expect(plan?.mode).toBe('future');
  });

  it('keeps "would" outside reported speech supposed', () => {
    expect(code('The deal would allow aid to enter the region.').every((e) => e.mode === 'hypothetical')).toBe(true);
  });
});

describe("a force's own machines act for it", () => {
  it('codes aid flown by air force planes', () => {
    expect(first('Indian Air Force planes airlifted relief supplies to Sri Lanka.')).toMatch(/^07/);
  });

  it("keeps a nation's probe or product a thing", () => {
    expect(code('The Chinese probe returned samples from the far side of the moon.')).toEqual([]);
  });
});

describe('a headline in title case is read as if in sentence case', () => {
  it('finds the verb and does not run names across it', () => {
    expect(code('Egypt Strikes Militant Camps In Sinai')[0]?.source.text).toBe('Egypt');
    expect(first('Egypt Strikes Militant Camps In Sinai')).toMatch(/^19/);
    expect(first('Iran Seizes Foreign Tanker In Gulf')).toBe('171');
    expect(first('Turkey Expels Swedish Ambassador Over Protest')).toMatch(/^16/);
  });

  it('keeps a sentence with lower-case words and many names as it is', () => {
    expect(code('Foreign Minister Ana Ruiz met Chinese President Xi Jinping in Beijing.')[0]?.source.text).toBe(
      'Foreign Minister Ana Ruiz',
    );
  });
});

describe('victims who died or were hurt in an attack named by a noun', () => {
  it('codes the attack with the victims as its target', () => {
    // "drone" names a military means, and the event noun that begins with it is still read.
    const died = code('Six civilians died in a drone strike off the coast.')[0];
    expect(died?.code).toBe('195');
    expect(died?.target?.text).toBe('civilians');
    expect(died?.source.text).toBe('');
    expect(code('Two soldiers were wounded in an artillery bombardment.')[0]?.target?.text).toBe('soldiers');
  });
});

describe('nouns of material and verbal conflict', () => {
  it('codes sieges, assassinations, hijackings, incursions, artillery fire and condemnations', () => {
    expect(first('Government forces tightened the siege around the rebel-held town.')).toBe('191');
    expect(first('The assassination of the opposition leader by militants shocked the country.')).toBe('186');
    expect(first('Rebels claimed the hijacking of a cargo plane.')).toBe('181');
    expect(first('The incursion by Turkish troops into the province drew protests.')).toBe('190');
    expect(code('The city has been under siege by government forces for months.')[0]?.source.text).toBe(
      'government forces',
    );
    expect(first('The EU issued a condemnation of the executions.')).toBe('111');
  });
});

describe('a demonym before an act of force', () => {
  it('is whose force it is', () => {
    expect(code('Russian air strikes pounded the outskirts overnight.')[0]?.source.code).toBe('RUS');
    expect(code('Egyptian shelling hit the border post.')[0]?.source.code).toBe('EGY');
  });

  it('stays a place hint before other singular nouns', () => {
    expect(code('The Kazakh capital hosted the talks.')[0]?.source.code ?? null).not.toBe('KAZ');
  });
});

describe('harm suffered in the passive, done by the subject of a clause of cause', () => {
  it('takes that subject as the agent', () => {
    const killed = code('Nine villagers were killed when militants raided the market.')[0];
    expect(killed?.code).toMatch(/^1[89]/);
    expect(killed?.source.text).toBe('militants');
    expect(code('Two students were hurt as riot police charged the march.')[0]?.source.text).toMatch(/police/);
  });

  it('leaves crime and accidents without an event', () => {
    expect(code('A woman was shot dead when a gunman opened fire in a cafe.')).toEqual([]);
    expect(code('Three people were killed when a lorry overturned.')).toEqual([]);
  });
});

describe('an inverted condition at the head of the sentence', () => {
  it('makes its act supposed', () => {
    expect(code('Were the army to advance, the rebels would retreat.')[0]?.mode).toBe('hypothetical');
    expect(code('Had Turkey attacked the convoy, the talks would have collapsed.')[0]?.mode).toBe('hypothetical');
  });
});

describe('police force on an ordinary offender', () => {
  it('is a crime report, no event', () => {
    expect(code('Police shot dead a man who attacked a shop owner with an axe.')).toEqual([]);
    expect(code('Officers killed a suspect after a car chase.')).toEqual([]);
  });

  it('stays an event on protesters, or done by security forces', () => {
    expect(code('Police shot dead four protesters near the parliament.').length).toBeGreaterThan(0);
    expect(code('Security forces killed three suspects in a night raid.').length).toBeGreaterThan(0);
  });
});

describe('verbs of condemnation and seizure', () => {
  it('codes branding and deriding as criticism and impounding as seizure', () => {
    expect(first('Egypt branded the raid a violation of its sovereignty.')).toBe('111');
    expect(first('The opposition derided the budget plan.')).toBe('111');
    expect(first('Coast guards impounded a foreign trawler.')).toBe('171');
  });
});

describe('a present-tense verb the tagger reads as a plural noun between two actors', () => {
  it('splits the actors and is read as the verb', () => {
    const trains = code('The French army trains Malian soldiers near the capital.')[0];
    expect(trains?.code).toBe('062');
    expect(trains?.source.text).toBe('French army');
  });

  it('keeps plural modifiers inside a name', () => {
    expect(code('The Kenyan foreign affairs ministry summoned the envoy.')[0]?.source.text).toMatch(/affairs ministry/);
  });
});

describe('people sent to investigate', () => {
  it('is the inquiry, aimed where they are sent and located there', () => {
    const sent = code('The African Union sent a team of experts to Sudan to investigate the killings.')[0];
    expect(sent?.code).toMatch(/^09/);
    expect(sent?.target?.code).toBe('SDN');
  });
});

describe('an act after "without"', () => {
  it('is not done', () => {
    const gave = code('Russia supplied Serbia with tanks without demanding payment.');
    expect(gave.some((e) => e.code.startsWith('10'))).toBe(false);
  });
});

describe('a verb coordinated with the one before', () => {
  it('shares its auxiliaries', () => {
    expect(first('Officials said the junta must free the detainees and restore order.')).toMatch(/^10/);
    expect(code('The rebels did not attack or besiege the town.')).toEqual([]);
    expect(code('Egypt could mediate and host the talks.')[0]?.mode).toBe('hypothetical');
  });
});

describe('force only states and armed groups use, with no one named', () => {
  it('is an event without a source', () => {
    expect(first('Scores were detained in a crackdown on the opposition.')).toMatch(/^17/);
    expect(first('A car bomb near the market killed nine.')).toMatch(/^18/);
  });

  it('needs a weapon other than the verb itself, and arrests need a word of political violence', () => {
    expect(code('The comedy bombed in cinemas.')).toEqual([]);
    expect(code('Two men were arrested after a fight in a bar.')).toEqual([]);
  });
});
