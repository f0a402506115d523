// The zod schema of the question bank (src/content/quiz/*.yaml), used by the content
// collection in src/content.config.ts (so a bad question fails the build) and by the unit
// tests. Activation ids are checked against the kernel's catalogue, lesson references
// against the curriculum's lesson list, situations against the selection helper's values.

import { z } from 'astro/zod';
import {
  activationIds,
  isActivationId,
  isVectorId,
  vectorIds,
} from '../../lib/activations/index.ts';
import {
  architectures,
  constraints,
  isPlannedLesson,
  layers,
  lessons,
  sources,
  tasks,
} from '../../lib/choose/index.ts';

const catalogueIds = [...activationIds, ...vectorIds];

/** Any catalogue id: a scalar activation or softmax, log-softmax, maxout. */
export const catalogueId = z.string().superRefine((id, ctx) => {
  if (!isActivationId(id) && !isVectorId(id)) {
    ctx.addIssue({
      code: 'custom',
      message: `Unknown activation id "${id}". Known ids (src/lib/activations/index.ts): ${catalogueIds.join(', ')}`,
    });
  }
});

/** A scalar activation id (a curve can be drawn only for these). */
export const scalarId = z.string().superRefine((id, ctx) => {
  if (!isActivationId(id)) {
    ctx.addIssue({
      code: 'custom',
      message: `Unknown scalar activation id "${id}" (a curve needs one of: ${activationIds.join(', ')})`,
    });
  }
});

export const lessonRef = z.string().superRefine((ref, ctx) => {
  if (!isPlannedLesson(ref)) {
    ctx.addIssue({
      code: 'custom',
      message: `Unknown lesson "${ref}": use a slug from src/lib/choose/lessons.ts (${Object.keys(lessons).join(', ')}), optionally with #section`,
    });
  }
});

export const situationSchema = z.strictObject({
  layer: z.enum(layers),
  architecture: z.enum(architectures).optional(),
  task: z.enum(tasks).optional(),
  constraints: z.array(z.enum(constraints)).optional(),
});

const sourceKey = z.enum(
  Object.keys(sources) as [keyof typeof sources, ...(keyof typeof sources)[]],
);

const base = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Question ids are lower-case words joined by -'),
  prompt: z.string().min(10),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  activations: z.array(catalogueId).min(1),
  lesson: lessonRef,
  /** The situation the question asks about; its answer must agree with the helper. */
  situation: situationSchema.optional(),
  /** What to take away, shown after the per-option explanations. */
  summary: z.string().optional(),
  sources: z.array(sourceKey).optional(),
};

const option = z.strictObject({
  text: z.string().min(1),
  /** The activation this option names, if it names one (used by the agreement test). */
  activation: catalogueId.optional(),
  correct: z.boolean().default(false),
  why: z.string().min(10),
});

const exactlyOneCorrect = (options: { correct: boolean }[]) =>
  options.filter((o) => o.correct).length === 1;

const single = z.strictObject({
  ...base,
  kind: z.literal('single'),
  options: z
    .array(option)
    .min(2)
    .refine(exactlyOneCorrect, 'A single-choice question needs exactly one correct option'),
});

const multiple = z.strictObject({
  ...base,
  kind: z.literal('multiple'),
  options: z
    .array(option)
    .min(3)
    .refine(
      (o) => o.some((x) => x.correct) && o.some((x) => !x.correct),
      'A multiple-choice question needs at least one correct and one wrong option',
    ),
});

const curveOption = z.strictObject({
  activation: scalarId,
  /** The function itself or its derivative. */
  curve: z.enum(['f', 'df']),
  params: z.record(z.string(), z.number()).optional(),
  correct: z.boolean().default(false),
  why: z.string().min(10),
});

const curve = z.strictObject({
  ...base,
  kind: z.literal('curve'),
  /** Input range drawn, [-5, 5] unless given. */
  domain: z.tuple([z.number(), z.number()]).optional(),
  options: z
    .array(curveOption)
    .min(2)
    .max(6)
    .refine(exactlyOneCorrect, 'A which-curve question needs exactly one correct option'),
});

const assignLayer = z.strictObject({
  /** What the layer is: "Dense, 64 units", "LSTM gates". */
  label: z.string().min(1),
  /** The activations accepted as right for this layer (the first is the one shown as the answer). */
  accept: z.array(catalogueId).min(1),
  why: z.string().min(10),
  situation: situationSchema.optional(),
});

const assign = z
  .strictObject({
    ...base,
    kind: z.literal('assign'),
    layers: z.array(assignLayer).min(2).max(6),
    /** The menu offered for every layer, with why each fits or not in this network. */
    choices: z.array(z.strictObject({ activation: catalogueId, why: z.string().min(10) })).min(3),
  })
  .superRefine((q, ctx) => {
    const offered = new Set(q.choices.map((c) => c.activation));
    for (const layer of q.layers) {
      for (const id of layer.accept) {
        if (!offered.has(id)) {
          ctx.addIssue({
            code: 'custom',
            message: `Layer "${layer.label}" accepts "${id}", which is not among the choices`,
          });
        }
      }
    }
  });

export const questionSchema = z.discriminatedUnion('kind', [single, multiple, curve, assign]);

/** One YAML file of the bank: a topic and its questions. */
export const topicSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  /** Position in the topic menu. */
  order: z.number().int(),
  questions: z.array(questionSchema).min(1),
});

export type Question = z.infer<typeof questionSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type QuestionKind = Question['kind'];
