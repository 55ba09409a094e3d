// Multi-timeframe confluence: vote with the trend only when the 15-minute and the 1-hour trends agree
// with the base timeframe's. Each timeframe's trend is the sign of EMA(fast) - EMA(slow) on its own
// closed bars (a higher-timeframe bar counts only once it has closed: no look-ahead). Confidence is the
// share of the three timeframes whose spread exceeds minSpread.

const meta = {
  name: 'mtf-confluence',
  version: '1.0.0',
  description: 'Trend on 1m, 15m and 1h must agree.',
  timeframes: ['15m', '1h'],
  params: {
    fast: { type: 'int', default: 9, min: 2, max: 100, description: 'fast EMA on every timeframe' },
    slow: { type: 'int', default: 21, min: 3, max: 300, description: 'slow EMA on every timeframe' },
    minSpread: { type: 'number', default: 0.0005, min: 0, max: 0.05,
      description: 'relative spread a timeframe needs to count as trending' },
  },
};

function init(ctx) {
  const p = ctx.params;
  ctx.state.frames = [ctx, ctx.tf('15m'), ctx.tf('1h')].map((lib) => ({ fast: lib.ema(p.fast), slow: lib.ema(p.slow) }));
}

function onBar(ctx) {
  let up = 0, down = 0, strong = 0;
  for (const f of ctx.state.frames) {
    const a = f.fast.value, b = f.slow.value;
    if (Number.isNaN(a) || Number.isNaN(b)) return flat('warming up');
    if (a > b) up++; else if (a < b) down++;
    if (Math.abs(a - b) / b >= ctx.params.minSpread) strong++;
  }
  const confidence = strong / 3;
  if (up === 3) return buy(confidence, 'trend up on 1m, 15m and 1h');
  if (down === 3) return sell(confidence, 'trend down on 1m, 15m and 1h');
  return flat('timeframes disagree');
}
