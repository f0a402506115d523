// The course's data sets by name, each made from (n, noise, source).

import type { Source } from '../random/index.ts';
import { type Dataset, fromPoints, type Point2D } from './dataset.ts';
import { moons } from './moons.ts';
import { circle, gauss, regGauss, regPlane, spiral, xor } from './playground.ts';
import { regression1d } from './regression-1d.ts';
import { spirals } from './spirals.ts';

export type { Dataset, Point2D } from './dataset.ts';
export { fromPoints, oneHot } from './dataset.ts';
export { type Digits, type LoadDigitsOptions, loadDigits, parseDigits } from './digits.ts';
export {
  applyFeatures,
  checkFeatures,
  type Feature,
  type FeatureId,
  featureIds,
  features,
  isPlain,
  plainFeatures,
  pythonFeatures,
} from './features.ts';
export { moons } from './moons.ts';
export { circle, gauss, regGauss, regPlane, spiral, xor } from './playground.ts';
export { type Curve, curves, regression1d } from './regression-1d.ts';
export { spirals } from './spirals.ts';
export { shuffled, split } from './split.ts';

export type DatasetName =
  | 'circle'
  | 'xor'
  | 'gauss'
  | 'spiral'
  | 'moons'
  | 'reg-plane'
  | 'reg-gauss'
  | 'spirals-3'
  | 'spirals-5'
  | 'sine'
  | 'step'
  | 'abs';

type Maker = (n: number, noise: number, source: Source) => Dataset;

const points =
  (
    name: string,
    make: (n: number, noise: number, s: Source) => Point2D[],
    task: Dataset['task'],
  ): Maker =>
  (n, noise, source) =>
    fromPoints(name, make(n, noise, source), task);

export const datasets: Record<DatasetName, Maker> = {
  circle: points('circle', circle, 'classification'),
  xor: points('xor', xor, 'classification'),
  gauss: points('gauss', gauss, 'classification'),
  spiral: points('spiral', spiral, 'classification'),
  moons: points('moons', moons, 'classification'),
  'reg-plane': points('reg-plane', regPlane, 'regression'),
  'reg-gauss': points('reg-gauss', regGauss, 'regression'),
  'spirals-3': (n, noise, source) => spirals(Math.floor(n / 3), 3, noise, source),
  'spirals-5': (n, noise, source) => spirals(Math.floor(n / 5), 5, noise, source),
  sine: (n, noise, source) => regression1d('sine', n, noise, source),
  step: (n, noise, source) => regression1d('step', n, noise, source),
  abs: (n, noise, source) => regression1d('abs', n, noise, source),
};

export const datasetNames = Object.keys(datasets) as DatasetName[];

/** A named set, or a RangeError listing the names. */
export function makeDataset(name: string, n: number, noise: number, source: Source): Dataset {
  const make = datasets[name as DatasetName];
  if (!make) throw new RangeError(`unknown data set "${name}" (known: ${datasetNames.join(', ')})`);
  return make(n, noise, source);
}
