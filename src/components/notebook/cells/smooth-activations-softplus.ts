// PyTorch's softplus threshold,
// against the exact softplus.
import { activations } from 'nonlinear';

const softplus = activations.softplus;
// nn.Softplus(): x itself once x > 20
const pytorchStyle = (x: number) => (x > 20 ? x : softplus.f(x));
// Spacing of the float64 and float32
// numbers near x (for x > 0).
const ulp64 = (x: number) => 2 ** (Math.floor(Math.log2(x)) - 52);
const ulp32 = (x: number) => 2 ** (Math.floor(Math.log2(x)) - 23);

const xs = [19.99, 20, 20.01, 25, 30];
const spRows = xs.map((x) => {
  const err = softplus.f(x) - pytorchStyle(x);
  return {
    x,
    'threshold error': err,
    'float64 ulps': err / ulp64(x),
    'float32 ulps': err / ulp32(x),
  };
});
table(spRows);
