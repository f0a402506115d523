// Exploding values: the root mean square of each layer's output in a 10-layer ReLU network
// (128 units a layer) on 200 points, with weights drawn from N(0, 1), from He's N(0, 2/n)
// and from Glorot's N(0, 2/(n_in + n_out)). Biases are 0 in all three.
import { data, nn, random } from 'nonlinear';

function scales(init: 'N(0, 1)' | nn.InitScheme) {
  const source = random.seeded(1);
  const network = new nn.Network(
    nn.mlp({
      inputs: 2,
      hidden: Array(10).fill(128),
      outputs: 1,
      activation: 'relu',
      init: init === 'N(0, 1)' ? 'zeros' : init,
    }),
    source,
  );
  if (init === 'N(0, 1)') {
    const draw = random.randomNormal(source, 0, 1);
    for (const p of network.params()) {
      if (p.name.endsWith('weight')) for (let i = 0; i < p.value.length; i++) p.value[i] = draw();
    }
  }
  const points = data.makeDataset('circle', 200, 0, source);
  network.forward(points.x, false);
  const row: Record<string, string> = { weights: init };
  network.layers
    .filter((layer) => layer.type === 'activation')
    .forEach((layer, k) => {
      const y = (layer as nn.ActivationLayer).y;
      let sum = 0;
      for (const v of y) sum += v * v;
      row[`layer ${k + 1}`] = Math.sqrt(sum / y.length).toPrecision(2);
    });
  return row;
}

table([scales('N(0, 1)'), scales('he-normal'), scales('glorot-normal')]);
