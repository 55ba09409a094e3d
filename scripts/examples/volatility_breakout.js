// Volatility breakout: go long when the close breaks above the previous bar's close plus k x ATR,
// short when it breaks below minus k x ATR, with the stop-loss one ATR on the other side of the close.

const meta = {
  name: 'volatility-breakout',
  version: '1.0.0',
  description: 'Close beyond previous close +/- k x ATR, stop one ATR away.',
  params: {
    atr: { type: 'int', default: 14, min: 2, max: 200, description: 'ATR period' },
    k: { type: 'number', default: 1.5, min: 0.1, max: 10, description: 'ATR multiple of a breakout' },
  },
};

function init(ctx) {
  ctx.state.atr = ctx.atr(ctx.params.atr);
}

function onBar(ctx) {
  const atr = ctx.state.atr.value;
  const previous = ctx.history().get(1);
  if (!ctx.state.atr.stable || previous === null) return flat('warming up');
  const close = ctx.bar.close;
  const band = ctx.params.k * atr;
  if (close > previous.close + band) {
    return buy(1, 'close broke above previous close + ' + ctx.params.k + ' ATR', { stopLoss: close - atr });
  }
  if (close < previous.close - band) {
    return sell(1, 'close broke below previous close - ' + ctx.params.k + ' ATR', { stopLoss: close + atr });
  }
  return flat('inside the band');
}
