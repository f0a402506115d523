// The course's knowledge about choosing an activation, as rules: situation in, recommendation
// out. One source: the /choose/ helper renders it, the quiz's answers are tested against it
// (test/quiz/agreement.test.ts), and lessons may quote it. Every reason names its sources.
//
// The rules describe well-documented practice and the reasons behind it, not laws: where a
// choice is a convention with good alternatives, the alternatives say so.

import type { ActivationId, VectorId } from '../activations/index.ts';
import type { LessonSlug } from './lessons.ts';
import {
  type Architecture,
  type Constraint,
  isArchitecture,
  isConstraint,
  isLayer,
  isTask,
  type Layer,
  type Situation,
  type Task,
} from './situation.ts';
import type { SourceKey } from './sources.ts';

/** A catalogue id: a scalar activation or a vector function (softmax). */
export type CatalogueId = ActivationId | VectorId;

/** A lesson slug with an optional section anchor. */
export type LessonRef = LessonSlug | `${LessonSlug}#${string}`;

export interface Option {
  id: CatalogueId;
  /** What to call it here ("SwiGLU (SiLU-gated)" for the gated FFN that uses SiLU). */
  label: string;
  why: string;
}

export interface Recommendation {
  /** The rule that decided (for tests and for "how the helper decides"). */
  rule: string;
  /** The situation after defaults were filled in. */
  situation: Required<Situation>;
  primary: Option;
  reasons: string[];
  alternatives: Option[];
  avoid: Option[];
  /** Initialisation and loss that go with the choice. */
  pairing: { init?: string; loss?: string };
  lessons: LessonRef[];
  sources: SourceKey[];
  /** What the helper assumed or ignored about the situation. */
  notes: string[];
}

type Advice = Omit<Recommendation, 'situation' | 'notes' | 'rule'>;

interface Rule {
  id: string;
  /** One line for the "how the helper decides" table. */
  when: string;
  applies(s: Required<Situation>): boolean;
  advice: Advice | ((s: Required<Situation>) => Advice);
}

const he =
  'He (Kaiming) initialisation: weight variance 2 / fan-in, derived for ReLU (He et al. 2015).';
const glorot =
  'Glorot (Xavier) initialisation: variance 2 / (fan-in + fan-out), derived for symmetric activations such as tanh (Glorot and Bengio 2010).';

const opt = (id: CatalogueId, label: string, why: string): Option => ({ id, label, why });

/** Output layers: decided by what the layer predicts. */
const outputAdvice: Record<Task, Advice> = {
  binary: {
    primary: opt(
      'sigmoid',
      'Sigmoid',
      'One unit whose output σ(z) in (0, 1) is read as the probability of the positive class.',
    ),
    reasons: [
      'σ maps any logit to (0, 1), and with binary cross-entropy its gradient with respect to the logit is simply p − y.',
      'Frameworks fuse the sigmoid into the loss for numerical stability (PyTorch BCEWithLogitsLoss, Keras from_logits=True): the network outputs the logit and the loss applies σ.',
    ],
    alternatives: [
      opt(
        'softmax',
        'Softmax over two units',
        'Equivalent: softmax([z₁, z₂])₁ = σ(z₁ − z₂), with one redundant unit.',
      ),
    ],
    avoid: [
      opt('relu', 'ReLU', 'Not a probability: unbounded above and stuck at 0 for negative logits.'),
      opt(
        'tanh',
        'tanh',
        'Its range is (−1, 1), not a probability, and it does not pair with cross-entropy.',
      ),
    ],
    pairing: { loss: 'Binary cross-entropy on the logit (BCE with logits).' },
    lessons: ['functions/output-layers'],
    sources: [],
  },
  'multi-class': {
    primary: opt(
      'softmax',
      'Softmax',
      'K outputs that are positive and sum to 1: a distribution over mutually exclusive classes.',
    ),
    reasons: [
      'Softmax turns K logits into probabilities that sum to 1, so raising one class lowers the others, as exclusive classes require.',
      'With cross-entropy the gradient with respect to the logits is p − y, and the log-sum-exp form keeps it stable; frameworks take logits (PyTorch CrossEntropyLoss applies log-softmax itself).',
    ],
    alternatives: [
      opt(
        'log-softmax',
        'Log-softmax',
        'The same model computed in log space, paired with the negative log-likelihood loss; numerically safer than log(softmax(z)).',
      ),
    ],
    avoid: [
      opt(
        'sigmoid',
        'Sigmoid per class',
        'Independent probabilities do not sum to 1: right for multi-label, not for exactly one class.',
      ),
    ],
    pairing: { loss: 'Categorical cross-entropy on the logits.' },
    lessons: ['functions/output-layers'],
    sources: [],
  },
  'multi-label': {
    primary: opt(
      'sigmoid',
      'Sigmoid per label',
      'One independent probability per label: any number of labels can be on at once.',
    ),
    reasons: [
      'Each label is its own yes/no question, so each output gets its own sigmoid and its own binary cross-entropy term.',
      'Softmax would force the probabilities to sum to 1, so two labels that are both present would compete.',
    ],
    alternatives: [],
    avoid: [
      opt('softmax', 'Softmax', 'Makes the labels compete for one unit of probability mass.'),
    ],
    pairing: { loss: 'Binary cross-entropy per label (on logits), summed or averaged.' },
    lessons: ['functions/output-layers'],
    sources: [],
  },
  regression: {
    primary: opt('identity', 'Identity (no activation)', 'The output can be any real number.'),
    reasons: [
      'A regression target can be negative, large or anywhere in between, so the output layer stays linear.',
      'With mean squared error and a linear output, the gradient with respect to the output is proportional to the error ŷ − y.',
    ],
    alternatives: [],
    avoid: [
      opt(
        'relu',
        'ReLU',
        'Cannot output negative values, and a unit pushed below 0 gets no gradient.',
      ),
      opt('sigmoid', 'Sigmoid', 'Bounded to (0, 1): cannot reach targets outside it.'),
    ],
    pairing: {
      loss: 'Mean squared error (or Huber / mean absolute error for heavy-tailed noise).',
    },
    lessons: ['functions/output-layers'],
    sources: [],
  },
  'unit-interval': {
    primary: opt('sigmoid', 'Sigmoid', 'Outputs in (0, 1), like the targets.'),
    reasons: [
      'When every target lies in [0, 1] (a fraction, a pixel intensity scaled to [0, 1]), a sigmoid keeps every prediction in range.',
    ],
    alternatives: [
      opt(
        'identity',
        'Identity, clipped at prediction time',
        'Also common: train a linear output and clip; no saturation while training, but predictions can leave [0, 1].',
      ),
      opt(
        'hard-sigmoid',
        'Hard sigmoid',
        'Cheaper, but its gradient is exactly 0 outside (−3, 3), so a saturated output stops learning.',
      ),
    ],
    avoid: [opt('tanh', 'tanh', 'Range (−1, 1): half of it is outside the targets.')],
    pairing: {
      loss: 'Mean squared error, or binary cross-entropy when targets are probabilities.',
    },
    lessons: ['functions/output-layers'],
    sources: [],
  },
  'symmetric-interval': {
    primary: opt('tanh', 'tanh', 'Outputs in (−1, 1), zero-centred, like data scaled to [−1, 1].'),
    reasons: [
      'Scale the targets to [−1, 1] and a tanh output covers exactly that range.',
      'The DCGAN generator scales images to [−1, 1] and ends with tanh (Radford et al. 2016).',
    ],
    alternatives: [
      opt(
        'sigmoid',
        'Sigmoid with targets scaled to [0, 1]',
        'The same shape: tanh(x) = 2σ(2x) − 1, so the choice follows how the data is scaled.',
      ),
      opt(
        'hard-tanh',
        'Hard tanh',
        'Exactly bounded and cheap, but with zero gradient outside [−1, 1].',
      ),
    ],
    avoid: [opt('relu', 'ReLU', 'Cannot produce the negative half of the range.')],
    pairing: {},
    lessons: ['functions/output-layers', 'functions/sigmoid-and-tanh'],
    sources: ['radford-2016'],
  },
  positive: {
    primary: opt('softplus', 'Softplus', 'Smooth and strictly positive: log(1 + eᶻ).'),
    reasons: [
      'A scale, rate or variance must be positive; softplus is positive for every input and still has a gradient (σ(z)) everywhere.',
      'It grows linearly for large inputs, unlike an exponential, so large logits do not overflow.',
    ],
    alternatives: [
      opt(
        'identity',
        'Predict the logarithm (identity output, then exp)',
        'Also common: the network predicts log σ² or log rate with a linear output.',
      ),
    ],
    avoid: [
      opt('relu', 'ReLU', 'Can output exactly 0 (a zero variance) and gives no gradient below 0.'),
    ],
    pairing: {},
    lessons: ['functions/output-layers', 'functions/smooth-activations'],
    sources: ['dugas-2001'],
  },
};

const reluHidden: Advice = {
  primary: opt(
    'relu',
    'ReLU',
    'max(0, x): cheap, and its gradient is 1 wherever the unit is active.',
  ),
  reasons: [
    'A unit that is active passes its gradient through unchanged (derivative 1), so deep stacks do not shrink gradients the way sigmoid (derivative at most 1/4) does.',
    'It is the usual default in MLPs and CNNs, paired with He initialisation; smooth variants (GELU, SiLU) are common alternatives and sometimes do better.',
  ],
  alternatives: [
    opt(
      'leaky-relu',
      'Leaky ReLU',
      'A small slope for x < 0 keeps a gradient where ReLU has none.',
    ),
    opt('gelu', 'GELU', 'Smooth, used in Transformers; costs more to compute.'),
    opt(
      'silu',
      'SiLU / Swish',
      'Smooth and non-monotonic; found by search to match or beat ReLU on several tasks (Ramachandran et al. 2017).',
    ),
    opt('elu', 'ELU', 'Negative outputs push mean activations toward 0 (Clevert et al. 2016).'),
  ],
  avoid: [
    opt(
      'sigmoid',
      'Sigmoid',
      'Saturates on both sides and its derivative is at most 1/4: gradients shrink with depth.',
    ),
  ],
  pairing: { init: he },
  lessons: ['functions/rectifiers', 'architecture/choosing-an-activation'],
  sources: ['nair-hinton-2010', 'glorot-2011', 'he-2015'],
};

const rules: Rule[] = [
  {
    id: 'output',
    when: 'Output layer: decided by the task',
    applies: (s) => s.layer === 'output',
    advice: (s) => outputAdvice[s.task],
  },
  {
    id: 'rnn-gate',
    when: 'Gates of an LSTM or GRU',
    applies: (s) => s.layer === 'gate',
    advice: {
      primary: opt(
        'sigmoid',
        'Sigmoid',
        'A gate multiplies a signal by a number in (0, 1): how much to let through.',
      ),
      reasons: [
        'The input, forget and output gates of an LSTM (and the update and reset gates of a GRU) use the logistic sigmoid, so each gate value is a proportion between closed and open.',
        'Saturation is what a gate needs: near 0 it blocks, near 1 it passes the cell state on unchanged.',
      ],
      alternatives: [
        opt(
          'hard-sigmoid',
          'Hard sigmoid',
          'A cheaper piecewise-linear approximation with the same (0, 1) role.',
        ),
      ],
      avoid: [
        opt('relu', 'ReLU', 'Unbounded: a "gate" above 1 amplifies instead of letting through.'),
        opt('tanh', 'tanh', 'Negative values would flip the sign of what the gate passes.'),
      ],
      pairing: {},
      lessons: ['functions/sigmoid-and-tanh'],
      sources: ['hochreiter-1997', 'gers-2000', 'cho-2014'],
    },
  },
  {
    id: 'rnn-candidate',
    when: 'Candidate values and cell output of an LSTM or GRU',
    applies: (s) => s.layer === 'candidate',
    advice: {
      primary: opt(
        'tanh',
        'tanh',
        'Zero-centred values in (−1, 1) for what is written to and read from the cell.',
      ),
      reasons: [
        'The LSTM squashes its candidate update and its cell state on the way out with tanh; the GRU uses tanh for its candidate state.',
        'Being bounded and zero-centred, it can both add to and subtract from the cell state without letting the hidden state blow up over time steps.',
      ],
      alternatives: [],
      avoid: [
        opt('sigmoid', 'Sigmoid', 'Only positive: the cell could only ever be increased.'),
        opt(
          'relu',
          'ReLU',
          'Unbounded: repeated over time steps the state can grow without limit.',
        ),
      ],
      pairing: { init: glorot },
      lessons: ['functions/sigmoid-and-tanh'],
      sources: ['hochreiter-1997', 'cho-2014'],
    },
  },
  {
    id: 'snn',
    when: 'Hidden layers of a self-normalising network',
    applies: (s) => s.architecture === 'snn',
    advice: {
      primary: opt(
        'selu',
        'SELU',
        'Scaled ELU whose constants drive activations toward mean 0 and variance 1.',
      ),
      reasons: [
        'Klambauer et al. (2017) chose λ ≈ 1.0507 and α ≈ 1.6733 so that mean 0, variance 1 is an attracting fixed point from layer to layer, which lets deep MLPs train without normalisation layers.',
        'The fixed point relies on LeCun-normal initialisation (variance 1 / fan-in) and on AlphaDropout instead of plain dropout.',
      ],
      alternatives: [
        opt(
          'relu',
          'ReLU with normalisation layers',
          'The usual alternative: add BatchNorm or LayerNorm instead.',
        ),
      ],
      avoid: [
        opt(
          'relu',
          'ReLU without normalisation',
          'Does not self-normalise: the point of the architecture is lost.',
        ),
      ],
      pairing: {
        init: 'LeCun normal: weight variance 1 / fan-in. Use AlphaDropout, not plain dropout.',
      },
      lessons: ['functions/rectifiers'],
      sources: ['klambauer-2017'],
    },
  },
  {
    id: 'gan-discriminator',
    when: 'Hidden layers of a DCGAN discriminator',
    applies: (s) => s.architecture === 'gan-discriminator',
    advice: {
      primary: opt(
        'leaky-relu',
        'Leaky ReLU (slope 0.2)',
        'Keeps a gradient for negative inputs, so the generator gets a signal through every unit.',
      ),
      reasons: [
        'DCGAN uses LeakyReLU with slope 0.2 in all discriminator layers and reports that it works well, especially at higher resolution (Radford et al. 2016).',
        'The generator learns only through the discriminator’s gradient; a leaky slope keeps that gradient flowing where ReLU would block it.',
      ],
      alternatives: [],
      avoid: [],
      pairing: {},
      lessons: ['functions/rectifiers', 'architecture/choosing-an-activation'],
      sources: ['radford-2016', 'maas-2013'],
    },
  },
  {
    id: 'gan-generator',
    when: 'Hidden layers of a DCGAN generator',
    applies: (s) => s.architecture === 'gan-generator',
    advice: {
      primary: opt(
        'relu',
        'ReLU',
        'Used in every DCGAN generator layer but the output, which is tanh.',
      ),
      reasons: [
        'DCGAN uses ReLU in the generator for all layers except the output, which uses tanh (Radford et al. 2016).',
      ],
      alternatives: [opt('leaky-relu', 'Leaky ReLU', 'Also used in later GAN generators.')],
      avoid: [],
      pairing: {},
      lessons: ['architecture/choosing-an-activation'],
      sources: ['radford-2016'],
    },
  },
  {
    id: 'llm-ffn',
    when: 'Feed-forward blocks of a large language model',
    applies: (s) => s.architecture === 'llm',
    advice: {
      primary: opt(
        'silu',
        'SwiGLU (SiLU-gated linear unit)',
        'FFN(x) = (SiLU(xW) ⊙ xV) W₂: a SiLU gate times a linear projection.',
      ),
      reasons: [
        'Shazeer (2020) found gated variants (GEGLU, SwiGLU) improved Transformer quality over ReLU and GELU feed-forward layers at matched parameters and compute.',
        'PaLM and LLaMA use SwiGLU in their feed-forward layers; they shrink the hidden width (to about 2/3 · 4d in LLaMA) to pay for the third weight matrix.',
      ],
      alternatives: [opt('gelu', 'GELU', 'The BERT and GPT-2 choice: one matrix fewer, simpler.')],
      avoid: [],
      pairing: {},
      lessons: ['functions/smooth-activations'],
      sources: ['shazeer-2020', 'chowdhery-2022', 'touvron-2023'],
    },
  },
  {
    id: 'transformer-ffn',
    when: 'Feed-forward blocks of a Transformer encoder',
    applies: (s) => s.architecture === 'transformer',
    advice: {
      primary: opt('gelu', 'GELU', 'x·Φ(x): a smooth rectifier, used by BERT, GPT and ViT.'),
      reasons: [
        'BERT and the GPT models use GELU in their feed-forward layers; the original Transformer used ReLU.',
        'GELU is smooth and lets small negative values through, weighted by how likely the input is to be positive under a standard normal.',
      ],
      alternatives: [
        opt('relu', 'ReLU', 'The original Transformer’s choice (Vaswani et al. 2017); cheaper.'),
        opt('silu', 'SwiGLU', 'The gated choice of recent large language models (Shazeer 2020).'),
        opt(
          'gelu-tanh',
          'GELU (tanh approximation)',
          'What many implementations (GPT-2) compute; within about 5e-4 of exact GELU.',
        ),
      ],
      avoid: [],
      pairing: {},
      lessons: ['functions/smooth-activations'],
      sources: ['hendrycks-2016', 'devlin-2019', 'vaswani-2017'],
    },
  },
  {
    id: 'mobile',
    when: 'Hidden layers of an MLP or CNN under a mobile or low-precision budget',
    applies: (s) => s.constraints.includes('mobile'),
    advice: {
      primary: opt(
        'hard-swish',
        'Hard-swish (with ReLU in the early layers)',
        'x·ReLU6(x + 3)/6: swish’s shape from cheap piecewise-linear parts.',
      ),
      reasons: [
        'MobileNetV3 replaces swish by h-swish = x·ReLU6(x + 3)/6, which needs no exponential and is friendlier to quantisation (Howard et al. 2019).',
        'It uses h-swish only in the deeper half of the network, where resolution is lower and the activation is cheaper to apply, and ReLU in the first layers.',
        'MobileNetV2 uses ReLU6 for its robustness with low-precision computation (Sandler et al. 2018).',
      ],
      alternatives: [
        opt(
          'relu6',
          'ReLU6',
          'min(max(0, x), 6): the MobileNetV2 choice; the bounded range suits low-precision arithmetic.',
        ),
        opt('relu', 'ReLU', 'The cheapest of all.'),
      ],
      avoid: [
        opt(
          'silu',
          'Swish / SiLU',
          'Needs a sigmoid (an exponential) per unit, which is costly on mobile hardware.',
        ),
        opt('gelu', 'GELU', 'Needs erf or tanh per unit.'),
      ],
      pairing: { init: he },
      lessons: ['functions/smooth-activations', 'functions/rectifiers'],
      sources: ['howard-2019', 'sandler-2018'],
    },
  },
  {
    id: 'dead-units',
    when: 'Hidden layers of an MLP or CNN with dead ReLU units',
    applies: (s) => s.constraints.includes('dead-units'),
    advice: {
      primary: opt(
        'leaky-relu',
        'Leaky ReLU',
        'A small slope (0.01 in PyTorch) for x < 0, so a unit always has a gradient.',
      ),
      reasons: [
        'A ReLU unit whose pre-activation is negative for every input outputs 0 and receives zero gradient, so gradient descent cannot revive it.',
        'Leaky ReLU, PReLU and ELU keep a non-zero gradient for negative inputs.',
        'Dead units are often caused by a too-large learning rate or a poor initialisation or bias; check those as well as the activation.',
      ],
      alternatives: [
        opt('prelu', 'PReLU', 'The negative slope is learned (initialised at 0.25 in PyTorch).'),
        opt('elu', 'ELU', 'Smooth negative side saturating at −α.'),
        opt('gelu', 'GELU', 'Non-zero gradient for moderately negative inputs.'),
      ],
      avoid: [opt('relu', 'ReLU', 'The activation that dies.')],
      pairing: { init: he },
      lessons: ['gradients/training-problems', 'functions/rectifiers'],
      sources: ['maas-2013', 'he-2015', 'lu-2020'],
    },
  },
  {
    id: 'vanishing-gradients',
    when: 'Hidden layers of an MLP or CNN whose gradients vanish',
    applies: (s) => s.constraints.includes('vanishing-gradients'),
    advice: {
      ...reluHidden,
      reasons: [
        'Backpropagation multiplies one derivative per layer. σ′ is at most 1/4 and tanh′ at most 1 and both vanish when saturated, so with those activations the product shrinks with depth.',
        'ReLU’s derivative is exactly 1 where a unit is active, so it does not shrink the gradient there.',
        'Initialisation (He for ReLU), normalisation layers and residual connections address the same problem and are usually used together with it.',
      ],
      lessons: ['gradients/gradient-visualisation', 'functions/rectifiers'],
      sources: ['glorot-2010', 'he-2015', 'glorot-2011'],
    },
  },
  {
    id: 'default-hidden',
    when: 'Any other hidden layer of an MLP or CNN',
    applies: () => true,
    advice: (s) =>
      s.constraints.includes('exploding-activations')
        ? {
            ...reluHidden,
            reasons: [
              'Growing activations are rarely cured by the activation function: check the initialisation scale first (He: variance 2 / fan-in for ReLU), then add normalisation layers or lower the learning rate.',
              ...reluHidden.reasons,
            ],
            alternatives: [
              opt(
                'relu6',
                'ReLU6',
                'Caps each output at 6; hides the symptom rather than fixing the scale.',
              ),
              opt(
                'selu',
                'SELU with LeCun-normal init',
                'Self-normalising: keeps mean and variance near 0 and 1 (Klambauer et al. 2017).',
              ),
              ...reluHidden.alternatives,
            ],
            lessons: ['gradients/training-problems', ...reluHidden.lessons],
          }
        : reluHidden,
  },
];

/** The rules in the order they are tried, for the "how the helper decides" table. */
export const ruleList: readonly { id: string; when: string }[] = rules.map(({ id, when }) => ({
  id,
  when,
}));

const defaultTask: Partial<Record<Architecture, Task>> = {
  'gan-generator': 'symmetric-interval',
  'gan-discriminator': 'binary',
  transformer: 'multi-class',
  llm: 'multi-class',
};

const mobileArchitectures: readonly Architecture[] = ['mlp', 'cnn'];

/**
 * Fills in defaults and removes what does not apply, saying so in `notes`. Unknown values
 * (from a hand-edited URL) are dropped with a note rather than thrown.
 */
export function normaliseSituation(input: Partial<Situation>): {
  situation: Required<Situation>;
  notes: string[];
} {
  const notes: string[] = [];
  let layer: Layer = 'hidden';
  if (isLayer(input.layer)) layer = input.layer;
  else if (input.layer !== undefined)
    notes.push(`Unknown layer "${String(input.layer)}": showing a hidden layer.`);

  let architecture: Architecture = 'mlp';
  if (isArchitecture(input.architecture)) architecture = input.architecture;
  else if (input.architecture !== undefined) {
    notes.push(`Unknown architecture "${String(input.architecture)}": showing an MLP.`);
  }
  if ((layer === 'gate' || layer === 'candidate') && architecture !== 'rnn') {
    notes.push(
      'Gates and candidate values belong to LSTM and GRU cells: showing a recurrent network.',
    );
    architecture = 'rnn';
  }

  let task: Task;
  if (isTask(input.task)) task = input.task;
  else {
    if (input.task !== undefined) notes.push(`Unknown task "${String(input.task)}".`);
    task = defaultTask[architecture] ?? 'multi-class';
    if (layer === 'output') notes.push(`No task given: assuming ${taskName(task)}.`);
  }
  if (layer !== 'output' && input.task !== undefined) {
    notes.push('The task decides only the output layer; it is ignored for this layer.');
  }

  const given = [...new Set(input.constraints ?? [])];
  const known = given.filter(isConstraint);
  for (const c of given)
    if (!isConstraint(c)) notes.push(`Unknown constraint "${String(c)}" ignored.`);
  let constraints: Constraint[] = known;
  if (known.length > 0 && !(layer === 'hidden' && mobileArchitectures.includes(architecture))) {
    notes.push(
      'Budgets and symptoms change the choice only for hidden layers of MLPs and CNNs here; this layer keeps its architecture’s convention.',
    );
    constraints = [];
  }
  return { situation: { layer, architecture, task, constraints }, notes };
}

function taskName(task: Task): string {
  return {
    binary: 'binary classification',
    'multi-class': 'multi-class classification',
    'multi-label': 'multi-label classification',
    regression: 'regression',
    'unit-interval': 'outputs in [0, 1]',
    'symmetric-interval': 'outputs in [−1, 1]',
    positive: 'a positive output',
  }[task];
}

/** The recommendation for a situation: the first rule that applies decides. */
export function recommend(input: Partial<Situation>): Recommendation {
  const { situation, notes } = normaliseSituation(input);
  const rule = rules.find((r) => r.applies(situation)) as Rule; // the last rule always applies
  const advice = typeof rule.advice === 'function' ? rule.advice(situation) : rule.advice;
  const extra: string[] = [];
  const c = situation.constraints;
  if (rule.id === 'mobile' && c.length > 1) {
    extra.push(
      'The mobile budget decided first; the other constraints still apply to the alternatives listed.',
    );
  } else if (rule.id === 'dead-units' && c.includes('vanishing-gradients')) {
    extra.push(
      'Leaky ReLU also keeps ReLU’s derivative of 1 for active units, so it serves both symptoms.',
    );
  }
  return { rule: rule.id, situation, notes: [...notes, ...extra], ...advice };
}
