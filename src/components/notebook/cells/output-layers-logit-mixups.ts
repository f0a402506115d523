// Two ways to mix up logits and probabilities.
import { activations, nn, vectors } from 'nonlinear';

const { sigmoid } = activations;
const bce = nn.losses['bce-logits'];
const ce = nn.losses['softmax-cross-entropy'];
const one = (v: number) => Float64Array.from([v]);

// 1. Label 1, logit −800: the loss should be 800.
const sig = sigmoid.f(-800);
print('−log σ(−800) from σ:', -Math.log(sig));
const fused = bce.evaluate(one(-800), one(1), 1);
print('BCE from the logit: ', fused);

// 2. Softmax twice. Ten classes; the model is sure of
// class 1, and right.
const K = 10;
const z = new Float64Array(K);
z[0] = 20;
const target = new Float64Array(K);
target[0] = 1;
const p = new Float64Array(K);
vectors.softmax.forward(z, p);
print('softmax once:  loss', ce.evaluate(z, target, K));
print('softmax twice: loss', ce.evaluate(p, target, K));
print('floor, log(1 + 9/e):', Math.log(1 + 9 / Math.E));
