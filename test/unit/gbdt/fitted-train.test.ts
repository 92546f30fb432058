import { describe, expect, it } from 'vitest';
import { fitGbdt, gbdtFromJSON } from '../../../core/analysis/gbdt/index.js';
import { regressionSet } from './helpers.js';

describe('fittedTrain', () => {
  it('equals predict on the training rows bit for bit, with and without early stopping, and is not stored in JSON', () => {
    const { x, y } = regressionSet(3000, 21);
    const valid = regressionSet(800, 22);
    for (const model of [fitGbdt(x, y, { maxIter: 40 }), fitGbdt(x, y, { maxIter: 300, nIterNoChange: 3 }, undefined, valid)]) {
      expect(model.fittedTrain).toBeInstanceOf(Float64Array);
      expect([...model.fittedTrain!]).toEqual([...model.predict(x)]);
    }
    const stopped = fitGbdt(x, y, { maxIter: 300, nIterNoChange: 3 }, undefined, valid);
    expect(stopped.trees.length).toBeLessThan(300); // early stopping did cut the fit: the kept trees are the ones summed
    expect(gbdtFromJSON(JSON.parse(JSON.stringify(stopped.toJSON()))).fittedTrain).toBeNull();
  });
});
