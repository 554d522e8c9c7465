/**
 * Content words for event matching: English function words and reporting verbs left out, and a light
 * suffix fold so "talks"/"talk" and "surrendered"/"surrender" count as one word.
 */

import { boundedMemo } from '../memo';

// Function words, plus the verbs and nouns of attribution that every news report uses whatever it
// reports ("said", "according", "reported"); they say nothing about which happening it is.
const STOPWORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although
  always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
  back be became because become becomes becoming been before beforehand behind being below beside
  besides between beyond both but by can cannot could did do does doing done down due during each eg
  either else elsewhere enough etc even ever every everyone everything everywhere except few first for
  former formerly from further had has have having he hence her here hereafter hereby herein hereupon
  hers herself him himself his how however i ie if in indeed into is it its itself just last latter
  latterly least less made many may me meanwhile might mine more moreover most mostly much must my
  myself namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off
  often on once one only onto or other others otherwise our ours ourselves out over own per perhaps
  please put rather re same see seem seemed seeming seems several she should since so some somehow
  someone something sometime sometimes somewhere still such than that the their theirs them themselves
  then thence there thereafter thereby therefore therein thereupon these they this those though through
  throughout thru thus to together too toward towards under until up upon us very via was we well were
  what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether
  which while whither who whoever whole whom whose why will with within without would yet you your
  yours yourself yourselves s t don doesn didn isn wasn aren weren won wouldn couldn shouldn ll ve d m
  said says say saying told tells tell according reported reports report reporting added adding noted
  stated asked statement statements news article story press media spokesman spokeswoman spokesperson
  mr mrs ms dr am pm percent per cent year years month months week weeks day days today yesterday
  tomorrow time times new old including include includes get got make makes take takes took go going
  went come came use used way ways thing things lot lots like just really also well back told
  monday tuesday wednesday thursday friday saturday sunday january february march april june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  two three four five six seven eight nine ten hundred hundreds thousand thousands million millions
  billion weve theyre youre dont doesnt didnt isnt wasnt cant wont hes shes thats theres ive im youve
  theyve wouldnt couldnt shouldnt arent werent hasnt havent hadnt lets whats whos`.split(/\s+/),
);

/** True when a folded word carries no event information. */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/**
 * Light suffix fold (a Porter step-1 cousin): plurals, `-ed`, `-ing`. It only needs to put the forms of
 * one word together, not to find linguistic stems, so it stays conservative on short words.
 */
export function stem(norm: string): string {
  let w = norm;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  // "surrendering" and "surrendered" → "surrender"; "negotiate", "negotiated" and "negotiating" →
  // "negotiat": a silent final e is dropped so both routes meet.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** True when a folded token is a word worth counting: letters, at least three of them, not a stopword. */
export function isContentWord(norm: string): boolean {
  return norm.length >= 3 && /^\p{L}/u.test(norm) && !/\d/.test(norm) && !STOPWORDS.has(norm);
}

/**
 * The stem a folded token counts under, or null when it is not a content word. Memoised: a corpus
 * repeats its words, and the stopword and suffix tests are regular expressions.
 */
export const contentKey: (norm: string) => string | null = boundedMemo((norm: string) => (isContentWord(norm) ? stem(norm) : null));
