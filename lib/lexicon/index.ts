/** The lexical layer's public face: parse and validate lexicon files, compile them, match terms. */
export { compileLexicon, matchTerms, type CompiledEntry, type CompiledLexicon, type TermMatch } from './matcher';
export { parseLexicon, validateLexicon, type ParseLexiconResult } from './schema';
