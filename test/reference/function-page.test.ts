import { describe, expect, it } from 'vitest';
import { describeEntry, lessonsUsing } from '../../src/components/reference/function-page.ts';
import { activations, vectors } from '../../src/lib/activations/index.ts';

const pages = [
  { id: 'functions/rectifiers', title: 'The rectifier family', body: "fns={['relu', 'elu']}" },
  { id: 'foundations/why-nonlinearity', title: 'Why nonlinearity', body: 'StackedLayers' },
  {
    id: 'functions/sigmoid-and-tanh',
    title: 'Sigmoid and tanh',
    body: "fns={['tanh', 'hard-tanh']}",
  },
  { id: 'functions/smooth-activations', title: 'Smooth', body: "fns={['gelu', 'relu']}" },
];

describe('lessonsUsing(entry, pages)', () => {
  it("links the family's lesson and every lesson that quotes the id, in course order", () => {
    expect(lessonsUsing(activations.relu, pages)).toEqual([
      { href: '/functions/rectifiers/', title: 'The rectifier family' },
      { href: '/functions/smooth-activations/', title: 'Smooth' },
    ]);
  });
  it('sends the hard functions and maxout to the lesson that teaches them', () => {
    expect(lessonsUsing(activations['hard-sigmoid'], pages).map((l) => l.href)).toEqual([
      '/functions/sigmoid-and-tanh/',
    ]);
    expect(lessonsUsing(activations['hard-swish'], pages).map((l) => l.href)).toEqual([
      '/functions/smooth-activations/',
    ]);
    expect(lessonsUsing(vectors.maxout, pages).map((l) => l.href)).toEqual([
      '/functions/rectifiers/',
    ]);
  });
  it('does not match an id inside another (tanh in hard-tanh, gelu in gelu-tanh)', () => {
    const only = [
      { id: 'gradients/training-problems', title: 'Y', body: "fns={['hard-tanh', 'gelu-tanh']}" },
    ];
    expect(lessonsUsing(activations.tanh, only)).toEqual([]);
    expect(lessonsUsing(activations.gelu, only)).toEqual([]);
    expect(lessonsUsing(activations['gelu-tanh'], only)).toEqual([
      { href: '/gradients/training-problems/', title: 'Y' },
    ]);
  });
  it('skips pages that are not lessons, such as the widget gallery', () => {
    const gallery = [{ id: 'widgets/function-explorer', title: 'FE', body: "fns={['gelu']}" }];
    expect(lessonsUsing(activations.gelu, gallery)).toEqual([]);
  });
  it('returns nothing when the lesson does not exist yet', () => {
    expect(lessonsUsing(vectors.softmax, pages)).toEqual([]);
  });
});

describe('describeEntry(entry)', () => {
  it('names the function and its aliases', () => {
    expect(describeEntry(activations.sigmoid)).toMatch(/^Sigmoid \(also logistic, /);
    expect(describeEntry({ name: 'X', aliases: [], year: 2000 })).toMatch(/^X: formula/);
  });
});
