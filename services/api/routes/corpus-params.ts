// Query parameters of the corpus-analysis routes: a slice is a query (with typed filters
// written in it, "year:2021..2025 section:problems") plus the usual filter parameters.
import { z } from 'zod';
import { FilterParams, int } from '../params.js';

const q = (min: number) => z.string().min(min).max(200);
const flag = z.preprocess((v) => v === 'true' || v === '1' || v === true, z.boolean()).default(false);
const share = z.coerce.number().min(0.1).max(1).default(0.5);

export const CollocatesParams = FilterParams.extend({
  q: q(1), left: int(0, 20, 5), right: int(0, 20, 5), sentence: flag, minFreq: int(1, 100_000, 3),
  sort: z.enum(['freq', 'mi', 'g2', 't', 'logDice']).default('logDice'), limit: int(1, 2000, 100),
});
/** Keywords: slice A is `a` with the filter parameters; slice B is `b` alone (empty: the rest of the corpus). */
export const KeywordsParams = FilterParams.extend({
  a: q(0).default(''), b: q(0).default(''), minFreq: int(1, 100_000, 5), minRange: int(1, 100_000, 2),
  sort: z.enum(['ll', 'logRatio', 'percentDiff']).default('ll'), limit: int(1, 2000, 100),
});
export const NgramsParams = FilterParams.extend({
  q: q(0).default(''), n: int(2, 5, 3), minFreq: int(1, 100_000, 3), minRange: int(1, 100_000, 2),
  boilerplate: z.enum(['mark', 'exclude', 'only']).default('mark'), boilerplateShare: share,
  sort: z.enum(['freq', 'range', 'dp']).default('freq'), limit: int(1, 2000, 200),
});
export const DispersionParams = FilterParams.extend({ q: q(1), points: int(10, 20_000, 3000) });
