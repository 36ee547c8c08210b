import { describe, expect, it } from 'vitest';
import { createEventCoder } from '../../../src/coder/index.js';
import { stubGazetteer } from './stub-gazetteer.js';

// Classes of sentence, not single sentences: each test names the class and gives several members of it.
const coder = createEventCoder({ gazetteer: stubGazetteer });
const code = (text: string, date: string | null = '2025-03-14') => coder.code({ text, date }).events;
const root = (text: string) => code(text)[0]?.code.slice(0, 2) ?? null;

describe('sport: teams named by country or city', () => {
  it('codes nothing when a team crushes, besieges or attacks another', () => {
    expect(code('Tokyo crushed Osaka in the final of the national baseball championship.')).toEqual([]);
    expect(code('Senegal besieged the Egyptian area in the final minutes but could not score.')).toEqual([]);
    expect(code('Boston attacked the basket relentlessly in the fourth quarter.')).toEqual([]);
    expect(code('The Springboks bulldozed through the English defence for a decisive try.')).toEqual([]);
  });

  it('takes a state crushing or beating another, with no word of war, for a match', () => {
    expect(code('Scotland were crushed by Ireland in Dublin on Saturday.')).toEqual([]);
    expect(root('Azerbaijani forces crushed Armenian troops in heavy fighting near the border.')).toMatch(/1[789]/);
  });

  it('takes a sector noun after a sport word for people of the sport', () => {
    expect(code('The Argentine forward scored a hat-trick as his club destroyed the league leaders.')).toEqual([]);
  });

  it('still codes the police acting at a match', () => {
    expect(root('Police fired tear gas at fans outside the stadium after the match.')).toBe('17');
  });
});

describe('crime among ordinary persons', () => {
  it('codes no political event for a shooting, robbery or assault by a person or a gang on persons', () => {
    expect(code('A man shot three people at a wedding party in the north of the city.')).toEqual([]);
    expect(code('Robbers attacked a cash van on the motorway and escaped with two million euros.')).toEqual([]);
    expect(code('A gang robbed a post office and assaulted the staff.')).toEqual([]);
    expect(code('A woman was stabbed to death outside a nightclub early on Sunday.')).toEqual([]);
  });

  it('codes an attack on the police, an arrest, and killings in clashes', () => {
    expect(root('A gunman opened fire on police officers at a checkpoint, wounding two.')).toMatch(/1[89]/);
    expect(root('The journalist was arrested at the airport on Friday.')).toBe('17');
    expect(root('At least nine people were killed in clashes between two communities in the north.')).toBe('18');
  });
});

describe('subjects that cannot act', () => {
  it('codes nothing when a disease, the weather or animals do the harm', () => {
    expect(code('Malaria killed more than 600,000 people in Africa last year.')).toEqual([]);
    expect(code('Locusts invaded farms across East Africa, destroying crops.')).toEqual([]);
    expect(code('Extreme heat killed hundreds of pilgrims during the hajj.')).toEqual([]);
  });

  it('keeps an unknown name starting the sentence as someone who acts', () => {
    expect(root('Horvat cancelled a planned visit to Belgrade.')).toBe('16');
  });
});

describe('business, science, culture and lifestyle uses of conflict verbs', () => {
  it('codes nothing for force done to a market or by a firm', () => {
    expect(code('Amazon crushed its rivals in the cloud computing market.')).toEqual([]);
    expect(code('Chinese carmakers are storming the European market with cheap models.')).toEqual([]);
    expect(code('The bank seized the company’s assets after it defaulted on its loans.')).toEqual([]);
  });

  it('codes nothing for drugs, films and restaurants that attack or are stormed', () => {
    expect(code('The new drug attacks cancer cells while sparing healthy tissue.')).toEqual([]);
    expect(code('The film attacks the greed of Wall Street bankers.')).toEqual([]);
    expect(code('The chef’s restaurant was stormed by food critics on opening night.')).toEqual([]);
  });
});

describe('hypotheticals and conditionals', () => {
  const modes = (text: string) => code(text).map((e) => e.mode);

  it('marks an act under a modal anywhere in its clause, or under a word of possibility, as hypothetical', () => {
    expect(modes('The plan might allow displaced families to return home before winter.')).toEqual(['hypothetical']);
    expect(modes('It is possible that the president will pardon the jailed journalists.')).toEqual(['hypothetical']);
    expect(modes('Talks between the two sides might resume in the autumn.')).toEqual(['hypothetical']);
  });

  it('marks a planned act in a sentence with a condition anywhere as hypothetical', () => {
    expect(modes('In case the truce collapses, the UN is ready to evacuate its staff.')).toEqual(['hypothetical']);
    expect(modes('The army will attack the town unless the rebels surrender.')).toEqual(['hypothetical']);
  });

  it('keeps a conditional threat a threat', () => {
    const [threat] = code('Iran threatened to close the strait if its oil exports were blocked.');
    expect(threat?.code.slice(0, 2)).toBe('13');
    expect(threat?.mode).not.toBe('hypothetical');
  });

  it('codes nothing for a possibility voiced by no one', () => {
    expect(code('The crisis threatens to drag neighbouring countries into the war.')).toEqual([]);
  });
});

describe('events of long ago restated as background', () => {
  it('codes nothing for acts dated to past decades, centuries, named wars or eras of a life', () => {
    expect(code('Vietnamese forces invaded Cambodia in the late 1970s.')).toEqual([]);
    expect(code('The castle was besieged by Swedish troops in the seventeenth century.')).toEqual([]);
    expect(code('Israel captured the Golan Heights from Syria during the Six-Day War.')).toEqual([]);
    expect(code('His grandfather was executed by the communist regime when he was a boy.')).toEqual([]);
    expect(code('Years ago, the rebels kidnapped foreign tourists in the region.')).toEqual([]);
    expect(code('The army has long been accused of abuses in the region.')).toEqual([]);
    expect(code('The two countries have fought each other twice, in 1965 and 1971.')).toEqual([]);
    expect(code('After independence, the new government nationalised the oil industry.')).toEqual([]);
  });

  it('codes an act of this year, and does not date an act by its object’s past', () => {
    expect(root('Russian troops captured the village in March.')).toBe('19');
    expect(root('The Taliban released an American contractor held since 2020.')).toBe('08');
  });
});

describe('material cooperation in common news wording', () => {
  it('codes joint operations and extraditions as material cooperation (06)', () => {
    expect(root('Brazil and Argentina launched a joint patrol on the river.')).toBe('06');
    expect(root('Spain extradited a Russian businessman to the United States.')).toBe('06');
  });

  it('codes shipments and escorts as aid (07)', () => {
    expect(root('China shipped medical supplies to Iran.')).toBe('07');
    expect(root('UN peacekeepers escorted aid convoys to displaced camps.')).toBe('07');
  });

  it('codes restoring access, letting in and dropping charges as yielding (08)', () => {
    expect(root('Ethiopia restored internet access in Tigray.')).toBe('08');
    expect(root('Israel allowed fuel trucks to enter Gaza.')).toBe('08');
    expect(root('The government dropped the charges against the journalists.')).toBe('08');
  });
});

describe('material conflict in common news wording', () => {
  it('codes moving missiles and tests as force posture (15)', () => {
    expect(root('Russia moved nuclear-capable missiles to Belarus.')).toBe('15');
    expect(root('Pakistan test-fired a ballistic missile.')).toBe('15');
  });

  it('codes breaking up rallies and revoking rights as coercion (17)', () => {
    expect(root('Police broke up the rally with tear gas.')).toBe('17');
    expect(root('Israel revoked the residency of a Palestinian lawyer.')).toBe('17');
  });

  it('codes recapturing as fighting (19) and slaughter as mass violence (20)', () => {
    expect(root('Ukrainian forces recaptured the village of Robotyne.')).toBe('19');
    expect(root('Militias slaughtered hundreds of civilians in West Darfur.')).toBe('20');
  });
});

describe('who acts decides the sense', () => {
  it('codes workers striking and protesters rallying as protest', () => {
    expect(code('Workers at the state oil company launched a strike.')[0]?.code).toBe('143');
    expect(code('Protesters rallied against the government in Belgrade.')[0]?.code).toBe('141');
  });

  it('codes a state’s bombing as aerial weapons and the shooting of an officer as assault', () => {
    expect(code('The air force bombed rebel positions in the north.')[0]?.code).toBe('195');
    expect(root('Unidentified gunmen shot dead a police officer in Quetta.')).toBe('18');
  });

  it('codes a police raid as coercion and settlers’ arson as no protest', () => {
    expect(root('Security forces raided the offices of a human rights group.')).toBe('17');
    expect(root('Settlers set fire to Palestinian homes in the West Bank.')).toBe('17');
  });
});
