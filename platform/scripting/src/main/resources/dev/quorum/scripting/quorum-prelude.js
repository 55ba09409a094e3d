// Quorum's script framework, evaluated in every script context before the script itself (the same
// source everywhere, so its compiled code is shared). It defines the signal helpers and, after the
// script, __quorum.bind(host) wires the script's onBar to the host: one host -> script call per bar.
'use strict';

function buy(confidence, reason, levels) {
  return __quorum.signal('LONG', confidence, reason, levels);
}

function sell(confidence, reason, levels) {
  return __quorum.signal('SHORT', confidence, reason, levels);
}

function flat(reason) {
  return __quorum.signal('FLAT', 0, reason, undefined);
}

const __quorum = (() => {
  const signal = (direction, confidence, reason, levels) => {
    const s = { direction: direction, confidence: confidence === undefined ? 1 : confidence };
    if (reason !== undefined) s.reasons = [reason];
    if (levels !== undefined && levels !== null) {
      if (levels.stopLoss !== undefined) s.stopLoss = levels.stopLoss;
      if (levels.takeProfit !== undefined) s.takeProfit = levels.takeProfit;
    }
    return s;
  };

  const describe = (v) => {
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return typeof v;
  };

  // checks what onBar returned and hands it to the host as primitives (no object crosses back); the
  // reason text crosses only when it changed since the last bar (most bars repeat it)
  let lastReason = '';
  const emit = (host, s) => {
    if (s === null || s === undefined || typeof s !== 'object') {
      return host.reject('onBar returned ' + describe(s) + ' instead of a signal object such as buy(0.8, "why")');
    }
    const d = s.direction;
    const code = d === 'LONG' ? 1 : d === 'SHORT' ? -1 : d === 'FLAT' ? 0 : 2;
    if (code === 2) {
      return host.reject('signal.direction is ' + describe(d) + ', expected "LONG", "SHORT" or "FLAT"');
    }
    const c = s.confidence === undefined ? (code === 0 ? 0 : 1) : s.confidence;
    if (typeof c !== 'number' || !(c >= 0 && c <= 1)) {
      return host.reject('signal.confidence is ' + describe(c) + ', expected a number in [0, 1]');
    }
    let reason = '';
    const r = s.reasons;
    if (r !== undefined) {
      if (typeof r === 'string') reason = r;
      else if (Array.isArray(r)) reason = r.length === 1 ? String(r[0]) : r.map(String).join('; ');
      else return host.reject('signal.reasons is ' + describe(r) + ', expected an array of strings');
    }
    const sl = s.stopLoss, tp = s.takeProfit;
    if (sl !== undefined && sl !== null && (typeof sl !== 'number' || !(sl > 0) || sl === Infinity)) {
      return host.reject('signal.stopLoss is ' + describe(sl) + ', expected a price > 0 or nothing');
    }
    if (tp !== undefined && tp !== null && (typeof tp !== 'number' || !(tp > 0) || tp === Infinity)) {
      return host.reject('signal.takeProfit is ' + describe(tp) + ', expected a price > 0 or nothing');
    }
    if (reason === lastReason) {
      return host.signalSameReason(code, c, sl == null ? NaN : sl, tp == null ? NaN : tp);
    }
    lastReason = reason;
    return host.signal(code, c, reason, sl == null ? NaN : sl, tp == null ? NaN : tp);
  };

  const indicator = (h) => Object.freeze({
    get value() { return h.value(); },
    get previous() { return h.previous(); },
    get bars() { return h.bars(); },
    get stable() { return h.stable(); },
  });

  // the indicator library of one timeframe ('' = the base timeframe), memoised per kind and parameters
  const library = (host, tf) => {
    const made = new Map();
    const one = (kind, a, b, c) => {
      const key = kind + ':' + a + ':' + b + ':' + c;
      let i = made.get(key);
      if (i === undefined) {
        i = indicator(host.indicator(kind, tf, a, b, c));
        made.set(key, i);
      }
      return i;
    };
    const group = (kind, names, a, b, c) => {
      const key = kind + ':' + a + ':' + b + ':' + c;
      let g = made.get(key);
      if (g === undefined) {
        g = {};
        for (const n of names) g[n] = indicator(host.indicator(kind + '.' + n, tf, a, b, c));
        g = Object.freeze(g);
        made.set(key, g);
      }
      return g;
    };
    return Object.freeze({
      sma: (n) => one('sma', n, 0, 0),
      ema: (n) => one('ema', n, 0, 0),
      wma: (n) => one('wma', n, 0, 0),
      rsi: (n) => one('rsi', n, 0, 0),
      atr: (n) => one('atr', n, 0, 0),
      vwap: (n) => one('vwap', n, 0, 0),
      obv: () => one('obv', 0, 0, 0),
      stdDev: (n) => one('stddev', n, 0, 0),
      zScore: (n) => one('zscore', n, 0, 0),
      highest: (n) => one('highest', n, 0, 0),
      lowest: (n) => one('lowest', n, 0, 0),
      macd: (fast, slow, sig) => group('macd', ['macd', 'signal', 'histogram'], fast, slow, sig),
      bollinger: (n, k) => group('bollinger', ['upper', 'middle', 'lower'], n, k, 0),
      donchian: (n) => group('donchian', ['upper', 'middle', 'lower'], n, 0, 0),
      keltner: (emaN, atrN, mult) => group('keltner', ['upper', 'middle', 'lower'], emaN, atrN, mult),
      adx: (n) => group('adx', ['adx', 'plusDI', 'minusDI'], n, 0, 0),
      stochastic: (k, d) => group('stochastic', ['k', 'd'], k, d, 0),
    });
  };

  const bind = (host, onBar, init) => {
    const base = library(host, '');
    const libraries = new Map();
    const histories = new Map();
    const history = (tf) => {
      const key = tf === undefined ? '' : tf;
      let h = histories.get(key);
      if (h === undefined) {
        h = Object.freeze({
          get size() { return host.historySize(key); },
          get: (barsAgo) => host.historyBar(key, barsAgo === undefined ? 0 : barsAgo),
        });
        histories.set(key, h);
      }
      return h;
    };
    const ctx = {
      symbol: host.symbol(),
      timeframe: host.timeframe(),
      bot: host.botName(),
      params: Object.freeze(JSON.parse(host.parametersJson())),
      state: {},
      // read from the host only when the script reads them (most bars of most scripts need neither)
      get bar() { return host.bar(); },
      get position() { return host.position(); },
      history: history,
      tf: (tf) => {
        let l = libraries.get(tf);
        if (l === undefined) {
          host.checkTimeframe(tf);
          l = library(host, tf);
          libraries.set(tf, l);
        }
        return l;
      },
      log: (...parts) => host.log(parts.map((p) => typeof p === 'string' ? p : JSON.stringify(p)).join(' ')),
    };
    for (const name of Object.keys(base)) ctx[name] = base[name];
    if (init !== undefined) init(ctx);
    return () => emit(host, onBar(ctx));
  };

  return Object.freeze({ signal: signal, bind: bind });
})();
