// A port of the bundled Java strategy `ema-crossover` (plugins/technical, EMACrossoverStrategy):
// long while the fast EMA of the close is above the slow one, short while below, flat when equal.
// Confidence grows with the relative spread |fast - slow| / slow and reaches 1 at fullConfidenceSpread.
// The EMAs are the host's own incremental ones (ctx.ema), the same the Java strategy reads, so the two
// vote identically on every bar (checked by ScriptParityTest on real candles).

const meta = {
  name: 'ema-crossover-js',
  version: '1.0.0',
  description: 'Long while EMA(fast) > EMA(slow), short while below (port of ema-crossover).',
  params: {
    fast: { type: 'int', default: 12, min: 2, max: 200, description: 'bars in the fast EMA' },
    slow: { type: 'int', default: 26, min: 3, max: 500, description: 'bars in the slow EMA; must exceed fast' },
    fullConfidenceSpread: { type: 'number', default: 0.002, min: 0.00001, max: 0.1,
      description: 'relative EMA spread at which confidence reaches 1' },
  },
};

// Called once per symbol before the first bar: ask for indicators here so that they see every bar.
function init(ctx) {
  if (ctx.params.fast >= ctx.params.slow) {
    throw new Error('fast (' + ctx.params.fast + ') must be below slow (' + ctx.params.slow + ')');
  }
  ctx.state.fast = ctx.ema(ctx.params.fast);
  ctx.state.slow = ctx.ema(ctx.params.slow);
  ctx.state.above = 'EMA(' + ctx.params.fast + ') above EMA(' + ctx.params.slow + ')';
  ctx.state.below = 'EMA(' + ctx.params.fast + ') below EMA(' + ctx.params.slow + ')';
}

function onBar(ctx) {
  const f = ctx.state.fast.value;
  const s = ctx.state.slow.value;
  if (Number.isNaN(f) || Number.isNaN(s)) {
    return flat('warming up');
  }
  const confidence = Math.min(1, Math.abs(f - s) / s / ctx.params.fullConfidenceSpread);
  if (f > s) return buy(confidence, ctx.state.above);
  if (f < s) return sell(confidence, ctx.state.below);
  return flat('EMAs equal');
}
