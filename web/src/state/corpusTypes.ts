// The corpus-analysis answers, as TYPES ONLY from the services' zod schemas (see types.ts).
import type { Collocate as CollocateT, CollocatesResponse as CollocatesResponseT } from '../../../services/search/methods/corpus/collocates.js';
import type { DispersionResponse as DispersionResponseT } from '../../../services/search/methods/corpus/dispersion.js';
import type { Keyword as KeywordT, KeywordsResponse as KeywordsResponseT } from '../../../services/search/methods/corpus/keywords.js';
import type { Ngram as NgramT, NgramsResponse as NgramsResponseT } from '../../../services/search/methods/corpus/ngrams.js';

export type Collocate = CollocateT;
export type CollocatesResponse = CollocatesResponseT;
export type Keyword = KeywordT;
export type KeywordsResponse = KeywordsResponseT;
export type Ngram = NgramT;
export type NgramsResponse = NgramsResponseT;
export type DispersionResponse = DispersionResponseT;
