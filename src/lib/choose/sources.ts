// The primary sources the recommendations rest on, by short key. Each reason in rules.ts
// names the keys it relies on, so the helper can show where a claim comes from.

export interface Source {
  cite: string;
  arxiv?: string;
}

export const sources = {
  'nair-hinton-2010': {
    cite: 'V. Nair, G. E. Hinton. Rectified Linear Units Improve Restricted Boltzmann Machines. ICML 2010.',
  },
  'glorot-2011': {
    cite: 'X. Glorot, A. Bordes, Y. Bengio. Deep Sparse Rectifier Neural Networks. AISTATS 2011.',
  },
  'glorot-2010': {
    cite: 'X. Glorot, Y. Bengio. Understanding the difficulty of training deep feedforward neural networks. AISTATS 2010.',
  },
  'he-2015': {
    cite: 'K. He, X. Zhang, S. Ren, J. Sun. Delving Deep into Rectifiers. ICCV 2015.',
    arxiv: '1502.01852',
  },
  'maas-2013': {
    cite: 'A. L. Maas, A. Y. Hannun, A. Y. Ng. Rectifier Nonlinearities Improve Neural Network Acoustic Models. ICML 2013 workshop.',
  },
  'lu-2020': {
    cite: 'L. Lu, Y. Shin, Y. Su, G. E. Karniadakis. Dying ReLU and Initialization. Commun. Comput. Phys. 2020.',
    arxiv: '1903.06733',
  },
  'clevert-2016': {
    cite: 'D.-A. Clevert, T. Unterthiner, S. Hochreiter. Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs). ICLR 2016.',
    arxiv: '1511.07289',
  },
  'klambauer-2017': {
    cite: 'G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter. Self-Normalizing Neural Networks. NeurIPS 2017.',
    arxiv: '1706.02515',
  },
  'hendrycks-2016': {
    cite: 'D. Hendrycks, K. Gimpel. Gaussian Error Linear Units (GELUs). 2016.',
    arxiv: '1606.08415',
  },
  'devlin-2019': {
    cite: 'J. Devlin, M.-W. Chang, K. Lee, K. Toutanova. BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding. NAACL 2019.',
    arxiv: '1810.04805',
  },
  'vaswani-2017': {
    cite: 'A. Vaswani et al. Attention Is All You Need. NeurIPS 2017.',
    arxiv: '1706.03762',
  },
  'shazeer-2020': {
    cite: 'N. Shazeer. GLU Variants Improve Transformer. 2020.',
    arxiv: '2002.05202',
  },
  'chowdhery-2022': {
    cite: 'A. Chowdhery et al. PaLM: Scaling Language Modeling with Pathways. 2022.',
    arxiv: '2204.02311',
  },
  'touvron-2023': {
    cite: 'H. Touvron et al. LLaMA: Open and Efficient Foundation Language Models. 2023.',
    arxiv: '2302.13971',
  },
  'ramachandran-2017': {
    cite: 'P. Ramachandran, B. Zoph, Q. V. Le. Searching for Activation Functions. 2017.',
    arxiv: '1710.05941',
  },
  'sandler-2018': {
    cite: 'M. Sandler, A. Howard, M. Zhu, A. Zhmoginov, L.-C. Chen. MobileNetV2: Inverted Residuals and Linear Bottlenecks. CVPR 2018.',
    arxiv: '1801.04381',
  },
  'howard-2019': {
    cite: 'A. Howard et al. Searching for MobileNetV3. ICCV 2019.',
    arxiv: '1905.02244',
  },
  'hochreiter-1997': {
    cite: 'S. Hochreiter, J. Schmidhuber. Long Short-Term Memory. Neural Computation 9(8), 1997.',
  },
  'gers-2000': {
    cite: 'F. A. Gers, J. Schmidhuber, F. Cummins. Learning to Forget: Continual Prediction with LSTM. Neural Computation 12(10), 2000.',
  },
  'cho-2014': {
    cite: 'K. Cho et al. Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation. EMNLP 2014.',
    arxiv: '1406.1078',
  },
  'radford-2016': {
    cite: 'A. Radford, L. Metz, S. Chintala. Unsupervised Representation Learning with Deep Convolutional Generative Adversarial Networks. ICLR 2016.',
    arxiv: '1511.06434',
  },
  'lecun-1998': {
    cite: 'Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller. Efficient BackProp. In Neural Networks: Tricks of the Trade, 1998.',
  },
  'bridle-1990': {
    cite: 'J. S. Bridle. Probabilistic Interpretation of Feedforward Classification Network Outputs. 1990.',
  },
  'dugas-2001': {
    cite: 'C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia. Incorporating Second-Order Functional Knowledge for Better Option Pricing. NIPS 2000.',
  },
  'ioffe-2015': {
    cite: 'S. Ioffe, C. Szegedy. Batch Normalization. ICML 2015.',
    arxiv: '1502.03167',
  },
  'he-2016': {
    cite: 'K. He, X. Zhang, S. Ren, J. Sun. Deep Residual Learning for Image Recognition. CVPR 2016.',
    arxiv: '1512.03385',
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof sources;
