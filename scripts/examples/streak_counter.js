// Keeps state across bars: counts consecutive up and down closes in ctx.state and votes against a
// streak that has run too long (mean reversion), with confidence growing with the streak's length.
// It also logs each new record streak (see ./quorum scripts validate for the log).

const meta = {
  name: 'streak-reversal',
  version: '1.0.0',
  description: 'Fade runs of consecutive up or down closes.',
  params: {
    minStreak: { type: 'int', default: 6, min: 2, max: 50, description: 'closes in a row before voting against them' },
    fullStreak: { type: 'int', default: 10, min: 2, max: 100, description: 'streak length at which confidence reaches 1' },
  },
};

function init(ctx) {
  ctx.state.streak = 0;      // > 0: that many up closes in a row; < 0: down closes
  ctx.state.record = 0;
  ctx.state.lastClose = NaN;
}

function onBar(ctx) {
  const s = ctx.state;
  const close = ctx.bar.close;
  if (close > s.lastClose) s.streak = s.streak > 0 ? s.streak + 1 : 1;
  else if (close < s.lastClose) s.streak = s.streak < 0 ? s.streak - 1 : -1;
  else s.streak = 0;
  s.lastClose = close;
  const length = Math.abs(s.streak);
  if (length > s.record) {
    s.record = length;
    ctx.log('new record streak', length, s.streak > 0 ? 'up' : 'down');
  }
  if (length < ctx.params.minStreak) return flat('streak of ' + length);
  const confidence = Math.min(1, length / ctx.params.fullStreak);
  return s.streak > 0
    ? sell(confidence, length + ' up closes in a row')
    : buy(confidence, length + ' down closes in a row');
}
