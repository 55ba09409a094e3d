// Type declarations of Quorum's script API, for editors (autocomplete and checks); Quorum itself runs
// plain JavaScript. Reference: scripts/README.md.

/** A closed bar. Times are epoch milliseconds. */
interface QuorumBar {
  readonly symbol: string;
  readonly openTime: number;
  /** The earliest moment the bar's values are known. */
  readonly closeTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Closed bars of one timeframe, newest first. */
interface QuorumHistory {
  /** How many can be read (at most engine.historyBars). */
  readonly size: number;
  /** 0 is the latest closed bar; null beyond the window. */
  get(barsAgo?: number): QuorumBar | null;
}

/** The open position on the script's symbol. */
interface QuorumPosition {
  readonly direction: 'LONG' | 'SHORT';
  readonly quantity: number;
  readonly entryPrice: number;
  readonly entryTime: number;
  /** NaN when there is none. */
  readonly stopLoss: number;
  /** NaN when there is none. */
  readonly takeProfit: number;
}

/** One of the host's incremental indicators, live. */
interface QuorumIndicator {
  /** The value on the latest closed bar; NaN until defined. */
  readonly value: number;
  /** The value on the bar before. */
  readonly previous: number;
  /** Bars it has seen. */
  readonly bars: number;
  /** Past its warm-up (unstable) period. */
  readonly stable: boolean;
}

interface QuorumBands { readonly upper: QuorumIndicator; readonly middle: QuorumIndicator; readonly lower: QuorumIndicator; }

/** The indicator library of one timeframe, memoised per kind and parameters. */
interface QuorumIndicators {
  sma(period: number): QuorumIndicator;
  ema(period: number): QuorumIndicator;
  wma(period: number): QuorumIndicator;
  rsi(period: number): QuorumIndicator;
  atr(period: number): QuorumIndicator;
  vwap(period: number): QuorumIndicator;
  obv(): QuorumIndicator;
  stdDev(period: number): QuorumIndicator;
  zScore(period: number): QuorumIndicator;
  highest(period: number): QuorumIndicator;
  lowest(period: number): QuorumIndicator;
  macd(fast: number, slow: number, signal: number): { readonly macd: QuorumIndicator; readonly signal: QuorumIndicator; readonly histogram: QuorumIndicator };
  bollinger(period: number, k: number): QuorumBands;
  donchian(period: number): QuorumBands;
  keltner(emaPeriod: number, atrPeriod: number, multiplier: number): QuorumBands;
  adx(period: number): { readonly adx: QuorumIndicator; readonly plusDI: QuorumIndicator; readonly minusDI: QuorumIndicator };
  stochastic(kPeriod: number, dPeriod: number): { readonly k: QuorumIndicator; readonly d: QuorumIndicator };
}

/** What init and onBar receive. The base timeframe's indicators are on ctx itself. */
interface QuorumContext<P = Record<string, number | boolean | string>, S = Record<string, any>> extends QuorumIndicators {
  readonly symbol: string;
  /** The base timeframe, such as '1m'. */
  readonly timeframe: string;
  /** The bot's name. */
  readonly bot: string;
  /** The parameters, defaults filled in. */
  readonly params: Readonly<P>;
  /** Yours, kept across bars (per symbol). */
  state: S;
  /** The bar that just closed (null in init). */
  readonly bar: QuorumBar;
  /** The open position on this symbol, or null. */
  readonly position: QuorumPosition | null;
  /** Closed bars of the base timeframe, or of a timeframe listed in meta.timeframes. */
  history(timeframe?: string): QuorumHistory;
  /** The indicators of a higher timeframe listed in meta.timeframes. */
  tf(timeframe: string): QuorumIndicators;
  /** A line in the script's bounded log. */
  log(...parts: unknown[]): void;
}

/** What onBar returns. */
interface QuorumSignal {
  direction: 'LONG' | 'SHORT' | 'FLAT';
  /** In [0, 1]; default 1 for LONG and SHORT, 0 for FLAT. */
  confidence?: number;
  reasons?: string[];
  stopLoss?: number;
  takeProfit?: number;
}

interface QuorumLevels { stopLoss?: number; takeProfit?: number; }

/** A LONG vote. */
declare function buy(confidence?: number, reason?: string, levels?: QuorumLevels): QuorumSignal;
/** A SHORT vote. */
declare function sell(confidence?: number, reason?: string, levels?: QuorumLevels): QuorumSignal;
/** No view; it still counts in the vote's denominator. */
declare function flat(reason?: string): QuorumSignal;

type QuorumParam =
  | { type: 'int' | 'integer'; default: number; min?: number; max?: number; description?: string }
  | { type: 'number' | 'decimal'; default: number; min?: number; max?: number; description?: string }
  | { type: 'boolean'; default: boolean; description?: string }
  | { type: 'choice'; default: string; choices: string[]; description?: string };

/** The shape of `const meta = {...}`. */
interface QuorumMeta {
  /** The strategy id: lower-case letters, digits and '-'. */
  name: string;
  version: string;
  description?: string;
  /** Higher timeframes read through ctx.tf() and ctx.history(), such as '15m', '1h'. */
  timeframes?: string[];
  /** Only these symbols; FLAT on the others. */
  symbols?: string[];
  params?: Record<string, QuorumParam>;
}
