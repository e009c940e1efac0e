// Word lists the quotation finder leans on. They describe how English-language
// news writes attributions in general, not any one article or publisher.

import { WordList } from './word-list';

const set = (words: string): WordList => new WordList(words.trim().split(/\s+/));

/**
 * Verbs that introduce or close a direct quotation ("…," said X / X added: "…"),
 * in the forms news prose uses them.
 */
export const SPEECH_VERBS = set(`
  said says say saying told tells tell telling added adds adding asked asks asking
  insisted insists warned warns wrote writes writing argued argues explained explains
  claimed claims stated states noted notes replied replies continued continues
  admitted admits commented comments remarked remarks declared declares announced
  announces acknowledged acknowledges conceded concedes confirmed confirms denied denies
  suggested suggests stressed stresses emphasised emphasises emphasized emphasizes
  observed observes recalled recalls responded responds answered answers agreed agrees
  joked jokes quipped quips predicted predicts promised promises pledged pledges vowed
  vows urged urges shouted shouts cried exclaimed boasted boasts complained complains
  protested protests countered counters retorted maintained maintains reiterated
  reiterates mused muses wondered wonders demanded demands proclaimed proclaims assured
  assures cautioned cautions alleged alleges testified testifies informed recounted
  pleaded pleads tweeted tweets posted blogged reported reports revealed reveals
  concluded concludes laughed smiled sighed spoke speaks
  summarised summarized concurred objected objects interjected interrupted
  acknowledged conceded whispered muttered yelled screamed shrugged nodded underlined
  underscored highlighted affirmed asserted contended opined reckoned reckons ruled
  recalled explained outlined stresses insisted reads implored forecast forecasts
`);

/**
 * Verbs that attribute a quoted fragment inside reported speech (He called the
 * plan "unworkable") but do not, alone, frame a full quotation.
 */
export const REPORTING_VERBS = set(`
  called calls calling described describes describing branded brands labelled labels
  labeled dismissed dismisses criticised criticises criticized criticizes condemned
  condemns hailed hails praised praises welcomed welcomes accused accuses attacked
  attacks blamed blames expressed expresses believes believed thinks thought feels felt
  hopes hoped fears feared signalled signaled indicated indicates hinted hints dubbed
  termed terms insisted rejected rejects defended defends questioned questions
  characterised characterized likened likens compared
`);

/** Verbs that only work with a following "that"-clause or object (told reporters, asked whether). */
export const TELLING_VERBS = set('told tells tell telling asked asks informed assured urged');

/** Honorifics and roles written before a name ("Mr Smith", "AMBASSADOR KIM", "Fisheries minister Daniel Okafor"). */
export const TITLES = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister
  brother bishop archbishop cardinal pope rabbi imam sheikh king queen prince princess
  duke duchess earl baron baroness president vice prime minister secretary chancellor
  ambassador envoy senator sen rep representative congressman congresswoman governor gov
  mayor councillor councilor alderman judge justice magistrate attorney general gen
  colonel col major maj captain capt lieutenant lt sergeant sgt commander admiral
  marshal chief inspector superintendent detective officer constable commissioner
  director chairman chairwoman chair chief executive ceo coach manager boss
  spokesman spokeswoman spokesperson speaker deputy shadow foreign home defence defense
  trade industry health education culture finance treasury interior justice state
  fisheries premier chancellor mp mep msp am tánaiste taoiseach
  dj mc st saint librarian farmer economist analyst lawyer barrister solicitor engineer
  doctor nurse author writer novelist poet actor actress singer musician producer
  striker midfielder defender goalkeeper campaigner activist historian scientist
  researcher teacher headteacher headmaster headmistress pastor vicar priest
  correspondent editor columnist presenter broadcaster entrepreneur founder owner
  economist strategist adviser advisor consultant official counsel skipper winger forward
  player star veteran youngster champion rider driver runner athlete boxer golfer batsman
  bowler keeper chief head leader candidate politician lawmaker lawyer spokesperson aide
  executive chairwoman boss treasurer auditor comptroller ombudsman regulator scrum-half
  fly-half full-back centre prop hooker flanker lock midfielder
`);

/** Titles that say a person is a man or a woman, for matching "he"/"she". */
export const MALE_TITLES = set(
  'mr sir lord father brother king prince duke earl baron congressman chairman spokesman',
);
export const FEMALE_TITLES = set(
  'mrs ms miss dame lady sister queen princess duchess baroness congresswoman chairwoman spokeswoman',
);

/** Personal pronouns that can be the subject of "said". */
export const PRONOUNS = set('he she they it we i');

/** Adverbs that comment on a whole sentence ("Sadly, …", "Ultimately …"): no name, and no one who speaks. */
const SENTENCE_ADVERB_LIST = `
  sadly possibly ultimately shortly admittedly apparently arguably certainly clearly
  obviously unfortunately fortunately hopefully interestingly ironically crucially
  importantly notably frankly surprisingly unsurprisingly curiously similarly likewise
  consequently accordingly additionally finally initially originally previously recently
  currently eventually subsequently separately perhaps nevertheless nonetheless
  furthermore moreover otherwise therefore thus hence generally typically usually
  normally sometimes often already afterwards elsewhere presumably reportedly allegedly
  probably undoubtedly inevitably essentially basically traditionally historically
  increasingly specifically particularly especially
`;
export const SENTENCE_ADVERBS = set(SENTENCE_ADVERB_LIST);

/**
 * Capitalised words that start sentences or clauses but never begin a name,
 * so "But Kim said" names Kim, not "But Kim".
 */
export const NOT_NAME_WORDS = set(`
  a an the but and or so yet then when while after before in on at as if although though
  because since until unless meanwhile also now still this that these those it he she
  they we i you there here his her their our its my your both speaking asked earlier
  later last next however instead indeed even only just yes no not nor all some many
  most few several each every other another such what which who whom whose where why how
  for from to of with by about into over under between during without within through
  according despite following like unlike under mostly monday tuesday wednesday
  thursday friday saturday sunday january february march
  september october november december today yesterday tomorrow tonight one two three
  once again outside inside asked speaking writing addressing explaining reacting
  responding commenting describing
  among amongst amid amidst across along around against beyond towards toward upon via
  throughout besides regarding concerning including
  ${SENTENCE_ADVERB_LIST}
`);

/** Words that mark a capitalised name as an organisation rather than a person. */
export const ORGANISATION_WORDS = set(`
  association union board ministry department council party bank group ltd limited inc
  corp corporation company co plc llc university college institute committee court
  service agency authority trust fund club society league federation commission office
  government parliament assembly news times post journal review observer guardian
  telegraph herald tribune gazette courier ledger wire press reuters bbc itv cnn fc
  united city rovers team organisation organization foundation church school hospital
  police army navy force forces secretariat bureau council firm airlines airways
  industries holdings partners capital logistics systems labs studios records
  institute network channel radio tv magazine campaign movement alliance coalition
  friends tories conservatives labour democrats republicans greens nations
  commission tribunal executive cabinet administration embassy house senate congress
  delegation ofcom opec nato eu un who fifa uefa iaaf imf wto blog website site newspaper
  paper agency charity institute watchdog
`);

/** Words just before a quotation mark that make it a scare quote, title or name. */
export const SCARE_CUES = set(`
  so-called dubbed nicknamed titled entitled named called termed word words term
  phrase slogan motto label headline name known
`);

/** Words whose elided forms begin with an apostrophe ('em, 'til), so the mark opens nothing. */
export const ELISIONS = set(`
  em til till cause cos coz tis twas twere n bout round nother fraid kay sup ere neath
  ow allo ello appen
`);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr prof st rev gen sen rep gov lt col capt sgt maj cmdr adm jr sr no nos
  vol vs v etc inc ltd co corp dept univ fig approx est jan feb mar apr jun jul aug sep
  sept oct nov dec mt ft messrs mme mlle hon
`);

/** Common given names, by the pronoun news prose uses for their bearers. */
export const MALE_NAMES = set(`
  aaron adam adrian ahmed alan alastair albert alex alexander alfred ali alistair andrew
  andy angus anthony antonio arnold arthur barry ben benjamin bernard bill bob brian
  bruce carl carlos charles charlie chris christian christopher colin craig dan daniel
  darren david dean dennis derek des dominic donald douglas duncan eddie edward eric
  frank fred gareth gary gavin geoff geoffrey george gerald gerry gordon graham greg
  gregory harold harry henry howard hugh iain ian jack jacques james jamie jason jeff
  jeremy jim jimmy joe john jonathan jose josé juan julian keith ken kenneth kevin
  kofi larry lee leonard liam louis luke malcolm marcus mark martin matt matthew michael
  mike mohammed muhammad neil nick nicholas nigel noel oliver patrick paul pete peter
  phil philip rafael ralph raymond richard rob robert robin roger ronald roy rupert
  russell ryan sam samuel scott sean sebastian simon stephen steve steven stuart ted
  terry thomas tim timothy tom tommy tony trevor vincent walter william wayne
`);
export const FEMALE_NAMES = set(`
  alice alicia alison amanda amy ana angela ann anna anne annie barbara beatrice
  beth betty carol caroline catherine charlotte cherie cheryl christine claire clare
  deborah diana diane dorothy edith elaine eleanor elizabeth ellen emily emma eva
  fiona frances gillian gwen hannah harriet hazel heather helen hilary ingrid irene
  jacqueline jane janet jean jennifer jessica jill joan joanna judith judy julia julie
  karen kate katherine kathleen kathryn kelly laura lesley linda lisa liz
  louise lucy lynn madonna margaret maria marie marion mary maureen melanie michelle
  miriam monica nancy natalie nicola nora olivia pamela patricia paula pauline penny
  rachel rebecca rose ruth sally samantha sandra sarah sharon shirley sophie stella
  sue susan suzanne tessa theresa tracey valerie vanessa victoria wendy yvonne zoe zoë
`);

/** Nouns of saying that name their speaker after "from" or "by": claims from X, comments by Y. */
export const SPEECH_NOUNS = set(`
  claims claim comments comment remarks remark words accusation accusations warning warnings
  criticism statement statements allegation allegations assertion description plea pleas
  appeal call calls attack attacks
`);

/** Words that make the next word a noun: "her comments", "the claims". */
export const NOUN_MARKERS = set('his her their its our my your the a an these those such recent latest');

/** Adverbs that may stand between an auxiliary and its verb: "was also described". */
export const ADVERBS = set(
  'also later then again once previously recently further earlier widely generally often already',
);

/** Forms of "be" that make a following participle passive: "was described as". */
export const PASSIVE_AUXILIARIES = set('was were is are been being be');

/** Verbs of quoting someone: "quotes an official as saying". */
export const QUOTING_VERBS = set('quotes quoted quoting quote cites cited citing');

/** Words that open a clause of their own, so what follows them is not an attribution's subject. */
export const CLAUSE_WORDS = set('while but as when that which who if because after before although though');

/** Plural or collective nouns that name speakers without a determiner: "officials said", "police said". */
export const BARE_SPEAKERS = set('police staff people management government parliament');

/** Function words: never part of a role written before a name ("in", "they", "the", "would"…). */
export const FUNCTION_WORDS = set(`
  a an the this that these those his her their its our my your he she they it we i you him them us
  in on at by for with from to of about into onto over under after before during without within
  against among across through and but or nor so yet as if when while because although though
  is are was were be been being has have had do does did will would can could should may might must
  who which whom whose where what not no
`);

/** Words for events and competitions: a name ending in one is not a person ("Carling Cup"). */
export const EVENT_WORDS = set(`
  cup league championship championships final finals open games olympics award awards prize prizes
  festival show series tour trophy derby grand prix election referendum summit conference
  war act bill treaty agreement programme program
`);
