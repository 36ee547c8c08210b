/**
 * The wink English model without its named-entity and sentiment machines (about 575 KB of JSON): the coder runs
 * wink with the `sbd` and `pos` pipes only and finds entities with its own dictionaries, and the code-events
 * Lambda bundle must stay small (6 MB, scripts/bundle-sizes.ts). wink builds every machine at load whatever the pipe, so the two are given
 * empty stand-ins: no NER machines, and the (small) negation machine in place of the sentiment one, which
 * never runs without the `sentiment` pipe. The parts are the package's own loaders (wink-eng-lite-web-model 1.8).
 */

import featureFn from 'wink-eng-lite-web-model/dist/feature.js';
import lemmatize from 'wink-eng-lite-web-model/dist/lemmatize.js';
import loadCERMetaModel from 'wink-eng-lite-web-model/dist/load-cer-meta-model.js';
import loadCoreModel from 'wink-eng-lite-web-model/dist/load-core-model.js';
import loadNegationModel from 'wink-eng-lite-web-model/dist/load-negation-model.js';
import loadPOSModel from 'wink-eng-lite-web-model/dist/load-pos-model.js';
import loadSBDModel from 'wink-eng-lite-web-model/dist/load-sbd-model.js';
import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
import readabilityStats from 'wink-eng-lite-web-model/dist/readability-stats.js';
import type { Model } from 'wink-nlp';

export const WINK_PIPE = ['sbd', 'pos'] as const;

export function winkModel(): Model {
  const model = {
    core: loadCoreModel,
    sbd: loadSBDModel,
    pos: loadPOSModel,
    ner: () => ({ machines: [], transformers: [] }),
    negation: loadNegationModel,
    sa: () => ({ machines: (loadNegationModel() as { machines: unknown[] }).machines, setter: () => undefined }),
    metaCER: loadCERMetaModel,
    featureFn,
    addons: { stem, lemmatize, readabilityStats, wordVectors: undefined },
  };
  return model as unknown as Model;
}
