// What the selection helper and the quiz's `situation` fields describe: where a layer sits,
// what the network is, what it predicts and what constrains it. Plain data, shared by the
// zod schema of the question bank (src/components/quiz/schema.ts) and by the /choose/ page.

/** Where the activation sits. `gate` and `candidate` exist only inside LSTM/GRU cells. */
export const layers = ['hidden', 'output', 'gate', 'candidate'] as const;
export type Layer = (typeof layers)[number];

export const architectures = [
  'mlp',
  'cnn',
  'rnn',
  'transformer',
  'llm',
  'snn',
  'gan-generator',
  'gan-discriminator',
] as const;
export type Architecture = (typeof architectures)[number];

/** What an output layer predicts. */
export const tasks = [
  'binary',
  'multi-class',
  'multi-label',
  'regression',
  'unit-interval',
  'symmetric-interval',
  'positive',
] as const;
export type Task = (typeof tasks)[number];

/** Budgets and symptoms that change the choice for hidden layers of MLPs and CNNs. */
export const constraints = [
  'mobile',
  'dead-units',
  'vanishing-gradients',
  'exploding-activations',
] as const;
export type Constraint = (typeof constraints)[number];

export interface Situation {
  layer: Layer;
  architecture?: Architecture;
  task?: Task;
  constraints?: readonly Constraint[];
}

export const layerLabels: Record<Layer, string> = {
  hidden: 'Hidden layer',
  output: 'Output layer',
  gate: 'Gate of an LSTM or GRU cell',
  candidate: 'Candidate and cell output of an LSTM or GRU',
};

export const architectureLabels: Record<Architecture, string> = {
  mlp: 'MLP (fully connected)',
  cnn: 'CNN (convolutional)',
  rnn: 'Recurrent (LSTM, GRU)',
  transformer: 'Transformer encoder (BERT, ViT style)',
  llm: 'Large language model (decoder, PaLM or LLaMA style)',
  snn: 'Self-normalising MLP (no normalisation layers)',
  'gan-generator': 'GAN generator (DCGAN style)',
  'gan-discriminator': 'GAN discriminator (DCGAN style)',
};

export const taskLabels: Record<Task, string> = {
  binary: 'Binary classification (one yes/no label)',
  'multi-class': 'Multi-class (exactly one of K classes)',
  'multi-label': 'Multi-label (any number of K labels)',
  regression: 'Regression (any real number)',
  'unit-interval': 'Bounded regression in [0, 1]',
  'symmetric-interval': 'Output in [-1, 1] (e.g. a generator’s images)',
  positive: 'Positive quantity (a scale, a rate, a variance)',
};

export const constraintLabels: Record<Constraint, string> = {
  mobile: 'Mobile or low-precision budget',
  'dead-units': 'Symptom: many units output 0 for every input (dead units)',
  'vanishing-gradients': 'Symptom: gradients vanish in the early layers',
  'exploding-activations': 'Symptom: activations grow layer after layer',
};

const is =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

export const isLayer = is(layers);
export const isArchitecture = is(architectures);
export const isTask = is(tasks);
export const isConstraint = is(constraints);
