// Quorum dashboard: reads the session over REST, then follows it over the WebSocket (/ws), reconnecting after a restart.
// Signs in once with the token from the URL fragment (#token=...) or the form; the server then keeps an HttpOnly cookie,
// so this script never holds the token after signing in and removes it from the address bar.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const fmt = (v, d = 2) => (v === null || v === undefined || Number.isNaN(v)) ? '–'
      : Number(v).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const time = (iso) => iso ? String(iso).replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '') : '–';
  const secs = (iso) => Math.floor(Date.parse(iso) / 1000);
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const state = { session: null, status: null, symbol: null, lastBar: {}, lastEquity: 0, socket: null, retry: 1000, trades: [], bots: [] };
  let equitySeries, candleSeries, candleMarkers, equityChart, candleChart;

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ credentials: 'same-origin', headers: { 'Accept': 'application/json' } }, options || {}));
    if (response.status === 401) { showLogin(); throw new Error('unauthorised'); }
    if (!response.ok) { throw new Error(path + ': ' + response.status); }
    return response.json();
  }

  async function login(token) {
    const response = await fetch('/api/login', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: token }) });
    if (!response.ok) { const body = await response.json().catch(() => ({})); throw new Error(body.error || ('sign-in failed: ' + response.status)); }
  }

  function showLogin() { $('login').hidden = false; $('board').hidden = true; }
  function showBoard() { $('login').hidden = true; $('board').hidden = false; }

  function charts() {
    const base = { autoSize: true, layout: { background: { color: '#ffffff' }, textColor: '#1d232a', fontSize: 11 },
      grid: { vertLines: { color: '#eef0f3' }, horzLines: { color: '#eef0f3' } },
      timeScale: { timeVisible: true, secondsVisible: false }, rightPriceScale: { borderColor: '#dde1e6' } };
    equityChart = LightweightCharts.createChart($('equity-chart'), base);
    equitySeries = equityChart.addSeries(LightweightCharts.LineSeries, { color: '#2457d6', lineWidth: 2, priceLineVisible: false });
    candleChart = LightweightCharts.createChart($('candle-chart'), Object.assign({}, base,
      { timeScale: Object.assign({}, base.timeScale, { barSpacing: 4, rightOffset: 3 }) }));
    candleSeries = candleChart.addSeries(LightweightCharts.CandlestickSeries, { upColor: '#0a8f5a', downColor: '#c62f3a',
      borderVisible: false, wickUpColor: '#0a8f5a', wickDownColor: '#c62f3a' });
    candleMarkers = LightweightCharts.createSeriesMarkers(candleSeries, []);
  }

  function renderStatus(s) {
    state.status = s;
    const initial = state.session ? state.session.initialCash : null;
    $('state').textContent = s.state; $('state').className = 'pill ' + s.state;
    $('clock').textContent = time(s.clock);
    $('equity').textContent = fmt(s.equity);
    const pnl = initial ? s.equity - initial : null;
    $('pnl').textContent = pnl === null ? '–' : (pnl >= 0 ? '+' : '') + fmt(pnl) + ' (' + (pnl >= 0 ? '+' : '') + fmt(100 * pnl / initial) + '%)';
    $('pnl').className = pnl > 0 ? 'up' : pnl < 0 ? 'down' : '';
    $('cash').textContent = fmt(s.cash);
    $('trades').textContent = s.trades;
    $('bars').textContent = Number(s.bars).toLocaleString('en-US');
    renderPositions(s.positions || []);
    if (s.error) { $('foot').textContent = 'The run failed: ' + s.error; }
  }

  function renderPositions(rows) {
    const body = $('positions').tBodies[0];
    body.innerHTML = rows.length === 0 ? '<tr><td colspan="7" class="empty">flat: no open position</td></tr>'
      : rows.map((p) => '<tr><td>' + esc(p.symbol) + '</td><td>' + esc(p.direction) + '</td><td class="n">' + fmt(p.quantity, 4)
        + '</td><td class="n">' + fmt(p.entryPrice) + '</td><td class="n">' + fmt(p.mark) + '</td><td class="n ' + (p.unrealized >= 0 ? 'up' : 'down')
        + '">' + fmt(p.unrealized) + '</td><td>' + time(p.since) + '</td></tr>').join('');
  }

  function renderTrades() {
    const body = $('recent').tBodies[0];
    body.innerHTML = state.trades.length === 0 ? '<tr><td colspan="7" class="empty">no trade closed yet</td></tr>'
      : state.trades.slice(0, 15).map((t) => '<tr data-trade="' + t.id + '"><td>' + t.id + '</td><td>' + esc(t.symbol) + '</td><td>' + esc(t.direction)
        + '</td><td>' + time(t.exitTime) + '</td><td class="n ' + (t.pnl >= 0 ? 'up' : 'down') + '">' + fmt(t.pnl) + '</td><td>'
        + esc(t.exitReason) + '</td><td class="bots" title="' + esc(t.bots.join(', ')) + '"><div>' + esc(t.hedge ? 'hedge' : t.bots.join(', ')) + '</div></td></tr>').join('');
    markers();
  }

  function markers() {
    if (!state.symbol) { return; }
    const last = state.lastBar[state.symbol] || 0;
    const list = [];
    state.trades.filter((t) => t.symbol === state.symbol).forEach((t) => {
      const long = t.direction === 'LONG';
      const entry = secs(t.entryTime), exit = secs(t.exitTime);
      if (entry <= last) { list.push({ time: entry, position: long ? 'belowBar' : 'aboveBar', color: long ? '#0a8f5a' : '#c62f3a', shape: long ? 'arrowUp' : 'arrowDown', text: '#' + t.id }); }
      if (exit <= last) { list.push({ time: exit, position: 'inBar', color: t.pnl >= 0 ? '#0a8f5a' : '#c62f3a', shape: 'circle' }); }
    });
    list.sort((a, b) => a.time - b.time);
    candleMarkers.setMarkers(list);
  }

  // a bot's latest call per symbol: ▲ long, ▼ short, – flat; its confidence, when and why in the tooltip
  function callsCell(calls) {
    const symbols = (state.session && state.session.symbols) || Object.keys(calls || {});
    return symbols.map((s) => {
      const c = (calls || {})[s];
      const mark = !c || c.direction === 'FLAT' ? '–' : c.direction === 'LONG' ? '▲' : '▼';
      const title = c ? c.direction + ' ' + fmt(c.confidence, 2) + ' since ' + time(c.time) + (c.reason ? ': ' + c.reason : '') : 'no call yet';
      return '<span class="call ' + (c ? esc(c.direction) : 'FLAT') + '" title="' + esc(title) + '">' + esc(s) + ' ' + mark + '</span>';
    }).join(' ');
  }

  function renderBots() {
    $('bots').tBodies[0].innerHTML = state.bots.map((b) => '<tr><td>' + esc(b.bot) + '</td><td class="n">' + fmt(b.weight, 3) + '</td><td class="n">'
      + (b.trust == null ? '–' : fmt(b.trust, 3)) + '</td><td class="state-'
      + esc(b.health) + '" title="' + esc(b.reason) + '">' + esc(b.health) + (b.since ? ' since ' + time(b.since) : '') + '</td><td class="n">'
      + (b.judged ? fmt(100 * b.right / b.judged, 1) + '% of ' + b.judged : '–') + '</td><td class="calls">' + callsCell(b.calls) + '</td></tr>').join('');
  }

  async function loadBots() {
    const data = await api('/api/bots');
    state.bots = data.bots;
    renderBots();
  }

  let botsPending = false;
  function botsLater() {
    if (!botsPending) { botsPending = true; requestAnimationFrame(() => { botsPending = false; renderBots(); }); }
  }

  function onSignals(calls) {
    calls.forEach((d) => {
      const bot = state.bots.find((b) => b.bot === d.bot);
      if (bot) { bot.calls = Object.assign({}, bot.calls, { [d.symbol]: d }); }
    });
    $('bots').dataset.signals = String(Number($('bots').dataset.signals || 0) + calls.length);
    botsLater();
  }

  // the weights and trust the learners have now, with each equity update
  function onFigures(figures) {
    if (!figures) { return; }
    state.bots.forEach((b) => { const f = figures[b.bot]; if (f) { b.weight = f.weight; b.trust = f.trust; } });
    botsLater();
  }

  async function loadComponents() {
    const [plugins, scripts] = await Promise.all([api('/api/plugins'), api('/api/scripts')]);
    const rows = plugins.plugins.map((p) => '<tr><td>' + esc(p.id) + ' ' + esc(p.version) + '</td><td class="state-' + esc(p.state) + '">' + esc(p.state)
      + (p.enabledAtNextStart === undefined ? '' : ' <button class="toggle" data-plugin="' + esc(p.id) + '" data-action="'
        + (p.enabledAtNextStart ? 'disable' : 'enable') + '" title="from the next start; this session keeps it as it is">'
        + (p.enabledAtNextStart ? 'disable' : 'enable') + ' next start</button>')
      + '</td><td class="n">' + p.errors + '</td><td class="wrap">' + esc(p.message) + '</td></tr>')
      .concat(scripts.scripts.map((s) => '<tr><td>script ' + esc(s.name) + '</td><td class="state-' + esc(s.state) + '">' + esc(s.state)
        + '</td><td class="n">' + (s.errors ?? 0) + '</td><td class="wrap">' + esc(s.error || '') + '</td></tr>'));
    $('plugins').tBodies[0].innerHTML = rows.length ? rows.join('') : '<tr><td colspan="4" class="empty">none</td></tr>';
  }

  async function loadReports() {
    const list = await api('/api/reports');
    $('reports').innerHTML = list.length === 0 ? '<li class="empty">none yet: each day\'s report is written when the engine clock passes 00:05 of the next</li>'
      : list.map((r) => '<li><a href="' + esc(r.url) + '" download>' + esc(r.date) + '.pdf</a> <span class="hint">' + Math.round(r.size / 1024) + ' KB</span></li>').join('');
  }

  async function loadTrades() {
    const data = await api('/api/trades?size=200');
    state.trades = data.trades;
    renderTrades();
  }

  async function loadEquity() {
    const data = await api('/api/equity');
    const points = [];
    data.points.forEach((p) => { const t = secs(p.time); if (points.length === 0 || t > points[points.length - 1].time) { points.push({ time: t, value: p.equity }); } });
    equitySeries.setData(points);
    state.lastEquity = points.length ? points[points.length - 1].time : 0;
    $('equity-chart').dataset.points = String(points.length); // what the chart holds, for a test or a curious user
    equityChart.timeScale().fitContent();
  }

  async function loadCandles(incremental) {
    const symbol = state.symbol;
    if (!symbol) { return; }
    const last = state.lastBar[symbol];
    const data = await api('/api/candles?symbol=' + encodeURIComponent(symbol) + (incremental && last ? '&after=' + new Date(last * 1000).toISOString() : '&limit=600'));
    if (symbol !== state.symbol) { return; }
    if (!incremental || !last) {
      candleSeries.setData(data.bars);
      candleChart.timeScale().scrollToRealTime(); // the latest bars, at a readable width
    } else {
      data.bars.forEach((b) => { if (b.time > (state.lastBar[symbol] || 0)) { candleSeries.update(b); state.lastBar[symbol] = b.time; } });
    }
    if (data.bars.length) { state.lastBar[symbol] = Math.max(state.lastBar[symbol] || 0, data.bars[data.bars.length - 1].time); }
    markers();
  }

  // where the session's bars come from, in words
  function feed(session) {
    const pace = session.barsPerSecond > 0 ? session.barsPerSecond + ' bars/s' : 'full speed';
    return session.source === 'store' ? 'stored candles replayed at ' + pace
      : 'bars from data source ' + session.source + (session.barsPerSecond > 0 ? ' at most ' + pace : ' as they come');
  }

  async function refreshAll() {
    const status = await api('/api/status');
    state.session = status.session;
    const select = $('symbol');
    if (select.options.length === 0) {
      status.session.symbols.forEach((s) => select.add(new Option(s, s)));
      state.symbol = status.session.symbols[0];
    }
    renderStatus(status.status);
    showBoard();
    if (!equityChart) { charts(); }
    await Promise.all([loadEquity(), loadTrades(), loadBots(), loadComponents(), loadReports()]);
    await loadCandles(false);
    $('foot').textContent = 'Run ' + status.status.runId + ': ' + status.session.symbols.join(', ') + ' ' + status.session.timeframe + ', '
      + status.session.from + ' .. ' + status.session.to + ', ' + feed(status.session) + '; bots: ' + status.session.bots.join(', ') + '.';
  }

  let candlePending = false;
  function onEvent(event) {
    const d = event.data;
    switch (event.type) {
      case 'status': renderStatus(d); if (d.state !== 'RUNNING') { loadReports(); loadComponents(); } break;
      case 'equity': {
        renderStatus(Object.assign({}, state.status, { clock: d.time, equity: d.equity, cash: d.cash, positions: d.positions, bars: d.bars }));
        onFigures(d.bots);
        const t = secs(d.time);
        if (t > state.lastEquity) {
          equitySeries.update({ time: t, value: d.equity }); state.lastEquity = t;
          equityChart.timeScale().fitContent(); // the whole session in view
          $('equity-chart').dataset.points = String(Number($('equity-chart').dataset.points || 0) + 1);
        }
        if (!candlePending) { candlePending = true; loadCandles(true).finally(() => { candlePending = false; }); }
        break;
      }
      case 'trade':
        state.trades.unshift(d);
        if (state.status) { state.status.trades = Math.max(state.status.trades, d.id); $('trades').textContent = state.status.trades; }
        renderTrades();
        break;
      case 'bot': loadBots(); break;
      case 'signals': onSignals(d); break;
      case 'report': loadReports(); break;
      default: break;
    }
  }

  function connect() {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    state.socket = socket;
    socket.onopen = () => { $('live').textContent = 'live'; $('live').className = 'pill on'; state.retry = 1000; refreshAll().catch(() => {}); };
    socket.onmessage = (m) => { try { onEvent(JSON.parse(m.data)); } catch (e) { console.error(e); } };
    socket.onclose = () => {
      $('live').textContent = 'reconnecting'; $('live').className = 'pill off';
      setTimeout(connect, state.retry);
      state.retry = Math.min(state.retry * 2, 8000);
    };
  }

  $('plugins').addEventListener('click', async (e) => {
    const b = e.target.closest('button.toggle');
    if (!b) { return; }
    await api('/api/plugins/' + encodeURIComponent(b.dataset.plugin) + '/' + b.dataset.action, { method: 'POST' }).catch((err) => { $('foot').textContent = String(err); });
    loadComponents();
  });
  $('symbol').addEventListener('change', (e) => { state.symbol = e.target.value; loadCandles(false); });
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await login($('token').value.trim()); $('token').value = ''; $('login-error').textContent = ''; await start(); }
    catch (err) { $('login-error').textContent = err.message; }
  });
  setInterval(() => { if (state.status && state.status.state === 'RUNNING') { loadBots().catch(() => {}); } }, 5000);

  async function start() {
    await refreshAll();
    if (!state.socket) { connect(); } // its onopen reads everything again, so nothing is missed in between
  }

  (async function boot() {
    const match = location.hash.match(/token=([A-Za-z0-9_-]+)/);
    if (match) {
      history.replaceState(null, '', location.pathname); // the token leaves the address bar and the history
      try { await login(match[1]); } catch (err) { showLogin(); $('login-error').textContent = err.message; return; }
    }
    try { await start(); } catch (err) {
      if (err.message === 'unauthorised') { return; }
      $('foot').textContent = String(err);
      if (!state.socket) { connect(); } // the session is still starting: follow it anyway
    }
  })();
})();
