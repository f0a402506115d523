// Events of the history timeline that are not functions of the catalogue: the threshold unit
// and the perceptron, which the catalogue has no step function for; the papers that made the
// rectifier the default; and gated linear units, which are layers rather than functions of
// one number. Each rests on the primary source cited (checked as noted in lesson 13's
// report: titles, venues and years; page numbers only where a bibliographic record gave them).

import type { Milestone } from '../figures/timeline.ts';

export const milestones: readonly Milestone[] = [
  {
    key: 'threshold-unit',
    label: 'Threshold unit (step)',
    year: 1943,
    citation: {
      authors: ['W. S. McCulloch', 'W. Pitts'],
      title: 'A logical calculus of the ideas immanent in nervous activity',
      venue: 'Bulletin of Mathematical Biophysics 5, pp. 115–133',
      year: 1943,
    },
    note: 'An all-or-none unit that fires when its summed input reaches a threshold; networks of them compute logical propositions.',
  },
  {
    key: 'perceptron',
    label: 'Perceptron: a step unit that learns',
    year: 1958,
    citation: {
      authors: ['F. Rosenblatt'],
      title:
        'The perceptron: a probabilistic model for information storage and organization in the brain',
      venue: 'Psychological Review 65(6), pp. 386–408',
      year: 1958,
    },
    note: 'Weights adjusted from examples: the first threshold unit that learns.',
  },
  {
    key: 'perceptrons-book',
    label: 'Perceptrons: one layer’s limits',
    year: 1969,
    citation: {
      authors: ['M. Minsky', 'S. Papert'],
      title: 'Perceptrons: An Introduction to Computational Geometry',
      venue: 'MIT Press',
      year: 1969,
    },
    note: 'A single layer of threshold units separates only linearly separable classes (not XOR).',
  },
  {
    key: 'analog-threshold',
    label: 'Rectifying threshold elements',
    year: 1969,
    citation: {
      authors: ['K. Fukushima'],
      title: 'Visual feature extraction by a multilayered network of analog threshold elements',
      venue: 'IEEE Transactions on Systems Science and Cybernetics 5(4), pp. 322–333',
      year: 1969,
    },
    note: 'A layered visual network whose elements pass the positive part of their input: a rectifier, four decades before the name ReLU.',
  },
  {
    key: 'rectification-matters',
    label: 'Rectification matters most',
    year: 2009,
    citation: {
      authors: ['K. Jarrett', 'K. Kavukcuoglu', 'M. Ranzato', 'Y. LeCun'],
      title: 'What is the best multi-stage architecture for object recognition?',
      venue: 'ICCV 2009',
      year: 2009,
    },
    note: 'Non-linearities that include rectification (with local contrast normalisation) were the single most important ingredient for accuracy.',
  },
  {
    key: 'deep-sparse-rectifiers',
    label: 'Deep sparse rectifier nets',
    year: 2011,
    citation: {
      authors: ['X. Glorot', 'A. Bordes', 'Y. Bengio'],
      title: 'Deep Sparse Rectifier Neural Networks',
      venue: 'AISTATS 2011, JMLR W&CP 15, pp. 315–323',
      year: 2011,
    },
    note: 'Deep rectifier networks trained without unsupervised pre-training match or beat tanh networks.',
  },
  {
    key: 'alexnet',
    label: 'AlexNet: ReLU on ImageNet',
    year: 2012,
    citation: {
      authors: ['A. Krizhevsky', 'I. Sutskever', 'G. E. Hinton'],
      title: 'ImageNet Classification with Deep Convolutional Neural Networks',
      venue: 'NIPS 2012',
      year: 2012,
    },
    note: 'A large convolutional network with ReLU after every layer; the rectifier becomes the default.',
  },
  {
    key: 'glu',
    label: 'Gated linear unit (GLU)',
    year: 2016,
    citation: {
      authors: ['Y. N. Dauphin', 'A. Fan', 'M. Auli', 'D. Grangier'],
      title: 'Language Modeling with Gated Convolutional Networks',
      venue: 'ICML 2017, PMLR 70, pp. 933–941',
      year: 2017,
      arxiv: '1612.08083',
    },
    note: 'A value times a sigmoid gate computed by a second projection of the same input.',
  },
  {
    key: 'glu-variants',
    label: 'ReGLU, GEGLU, SwiGLU',
    year: 2020,
    citation: {
      authors: ['N. Shazeer'],
      title: 'GLU Variants Improve Transformer',
      venue: 'arXiv preprint',
      year: 2020,
      arxiv: '2002.05202',
    },
    note: 'Other functions in the gate’s place, in the Transformer’s feed-forward block; SwiGLU later goes into PaLM and LLaMA.',
  },
];
