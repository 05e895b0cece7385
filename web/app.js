// nmt4j page: talks to /api/*, draws the alignment matrix as SVG. No libraries, no network beyond this server.
(function () {
  'use strict';

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
  var EOS = '</s>';
  // ColorBrewer "Blues", light to dark: weight 0 is almost white, weight 1 is deep blue.
  var RAMP = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
  var LOG_FLOOR = 0.001;       // the log scale shows 0.001 .. 1
  var LOW_WORD_MASS = 0.1;     // a row with less than this on the words is hatched in the per-row scale
  var LOW_COVERAGE = 0.25;     // a source word whose column sums to less than this (rows rescaled) got little attention
  var HIGHLIGHT = '#c2410c';   // the --hl colour of style.css
  var SPECIAL_COLOR = '#5f6b7a';
  var UNK_COLOR = '#b45309';
  var EOS_NOTE = '</s> column hidden; grey bars: its share of each row\'s attention';
  var SCALE_NAMES = { absolute: 'absolute', row: 'per row', log: 'log' };
  var SCALE_HELP = {
    absolute: 'colour = attention weight, share of the whole row (</s> included)',
    row: 'each row rescaled to sum 1 over the shown columns (hatched rows: under 10 % on the words)',
    log: 'colour = attention weight on a log scale, 0.001 to 1'
  };

  var $ = function (id) { return document.getElementById(id); };
  var el = {
    model: $('model'), modelInfo: $('model-info'), source: $('source'), beam: $('beam'), nbest: $('nbest'),
    counter: $('counter'), translate: $('translate'), error: $('error'), intro: $('intro'), result: $('result'),
    score: $('score'), copy: $('copy'), tgt: $('tgt-sentence'), src: $('src-sentence'), notes: $('notes'),
    shape: $('matrix-shape'), heatmap: $('heatmap'), nbestCard: $('nbest-card'), nbestList: $('alternatives'),
    tooltip: $('tooltip'), attribution: $('attribution'), health: $('health'),
    dlSvg: $('dl-svg'), dlPng: $('dl-png'), dlJson: $('dl-json'), wordsOnly: $('words-only'),
    subwordUnits: $('subword-units'), subwordUnitsLabel: $('subword-units-label')
  };

  // The honest page: headline, warnings, stale marks, scales, table view, live regions (see "honest page" below).
  var honest = {
    headline: $('headline'), warnings: $('warnings'), staleNote: $('stale-note'), announce: $('announce'),
    scale: $('scale'), legend: $('legend'), tableToggle: $('table-toggle'), table: $('matrix-table'),
    cellStatus: $('cell-status'), numberError: $('number-error'), wrap: $('heatmap-wrap')
  };

  // Align-a-pair mode: elements of its own, so the translate mode's wiring stays as it was.
  var alignEl = {
    target: $('target'), targetField: $('target-field'), probs: $('probs'), probsList: $('probs-list'),
    probsMeta: $('probs-meta'), modes: document.querySelectorAll('input[name="mode"]'),
    resultLabel: document.querySelector('.output-card .sentence-head .field-label')
  };

  var state = {
    models: [],
    limits: { maxChars: 1000, maxBeam: 16, defaultBeam: 5 },
    response: null,   // last /api/translate answer
    selected: 0,      // index into response.nbest
    matrix: null      // geometry of the drawn heatmap, for highlighting
  };

  // ---------------------------------------------------------------- API

  function api(path, options) {
    return fetch(path, options).catch(function () {
      throw new Error('Cannot reach the server: is it running? The page will notice when it is back.');
    }).then(function (res) {
      return res.text().then(function (body) {
        var json = null;
        try { json = body ? JSON.parse(body) : null; } catch (e) { /* not JSON: report the status */ }
        if (!res.ok) {
          var message = json && json.error ? json.error : 'HTTP ' + res.status + ' ' + res.statusText;
          var err = new Error(message);
          err.status = res.status;
          throw err;
        }
        return json;
      });
    });
  }

  function loadModels() {
    return api('api/models').then(function (data) {
      state.models = data.models || [];
      state.limits = data.limits || state.limits;
      el.beam.max = state.limits.maxBeam;
      if (+el.beam.value > state.limits.maxBeam) el.beam.value = state.limits.maxBeam;
      syncNbestLimit();
      var keep = el.model.value;   // a reload (the server came back) keeps the user's choice
      el.model.textContent = '';
      state.models.forEach(function (m) {
        var option = document.createElement('option');
        option.value = m.name;
        option.textContent = optionLabel(m);
        el.model.appendChild(option);
      });
      // ?model=NAME (the training page's "Translate with this model") picks a model on the first load.
      var asked = new URLSearchParams(window.location.search).get('model');
      if (keep && modelInfo(keep)) el.model.value = keep;
      else if (asked && modelInfo(asked)) el.model.value = asked;
      else if (data.defaultModel) el.model.value = data.defaultModel;
      if (!state.models.length) {
        var none = document.createElement('option');
        none.textContent = 'no models installed';
        el.model.appendChild(none);
        el.model.disabled = true;
      }
      showModelInfo();
      renderCompareChoices();
      updateCounter();
    }).catch(function (e) { showError('Could not load the model list: ' + e.message); });
  }

  // Asked every few seconds (more often while the server is down): the header and the model chip follow it.
  function loadHealth() {
    return api('api/health').then(function (h) {
      el.health.className = 'health ok';
      el.health.textContent = 'online · ' + h.readyModels + '/' + h.models + ' models ready';
      // A model trained on the Train page is installed while the server runs: list it without a reload.
      if (h.models !== state.models.length) loadModels();
      serverReachable(true);
    }).catch(function (e) {
      el.health.className = 'health down';
      // 503 from /api/health: the server is up but no model can translate
      el.health.textContent = e.status === 503 ? 'online · no model can translate' : 'server unreachable';
      serverReachable(e.status !== undefined);
    });
  }

  function translate() {
    if (mode() === 'align') { alignPair(); return; }
    if (mode() === 'compare') { compareModels(); return; }
    var text = el.source.value;
    hideError();
    if (!text.trim()) { showError('Type some text to translate first.'); el.source.focus(); return; }
    if (!validateNumbers(true)) return;
    var body = searchOptions({ text: text, model: el.model.value || null, beam: toInt(el.beam.value), nbest: toInt(el.nbest.value) });
    var lines = sourceLines(text);
    if (lines.length > 1) sendLines(lines, body); else send(body);
  }

  // Asks for the translation, in words or (for a subword model, "subword units" ticked) in subwords.
  function send(body) {
    if (el.subwordUnits.checked) body.granularity = 'subword'; else delete body.granularity;
    state.lastBody = body;
    state.lastLines = null;
    setBusy(true);
    api('api/translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (res) {
      state.lines = [{ source: body.text, response: res, selected: 0 }];
      state.line = 0;
      state.response = res;
      state.translated = { text: el.source.value, model: body.model };
      alignEl.probs.hidden = true;
      clearStale();
      showResult(0);
      announceResult();
    }).catch(function (e) {
      showError(e.message);
      markStale('This is the previous result: the last request failed.');
      if (e.status === undefined) loadHealth();
    }).then(function () { setBusy(false); });
  }

  // ---------------------------------------------------------------- align a pair

  function mode() {
    var checked = document.querySelector('input[name="mode"]:checked');
    return checked ? checked.value : 'translate';
  }

  // Switching mode shows the target box (align) or beam and n-best (translate), and clears the other mode's result.
  function setMode() {
    var align = mode() === 'align', compare = mode() === 'compare';
    alignEl.targetField.hidden = !align;
    compareEl.field.hidden = !compare;
    compareEl.modelRow.hidden = compare;
    compareEl.result.hidden = true;
    el.beam.closest('.number-field').hidden = align;
    el.nbest.closest('.number-field').hidden = align || compare;
    el.translate.querySelector('.label').textContent = align ? 'Align' : compare ? 'Compare' : 'Translate';
    el.source.placeholder = align ? 'Type a source sentence…' : compare ? 'Type one sentence to translate with each model…' : 'Type a sentence to translate…';
    alignEl.resultLabel.textContent = align ? 'Given translation' : 'Translation';
    hideError();
    clearHighlight();
    state.response = null;
    state.lines = null;
    state.lastLines = null;
    clearStale();
    state.lastBody = null;   // ticking "subword units" must not bring back a translation in align mode
    el.result.hidden = true;
    el.intro.hidden = false;
  }

  // POST /api/align, then draw the teacher-forced matrix with the translate mode's code and list the probabilities.
  function alignPair() {
    var source = el.source.value, target = alignEl.target.value;
    hideError();
    if (!source.trim()) { showError('Type a source sentence first.'); el.source.focus(); return; }
    if (!target.trim()) { showError('Type a translation of it to align.'); alignEl.target.focus(); return; }
    setBusy(true);
    var alignBody = { model: el.model.value || null, source: source, target: target };
    if (el.subwordUnits.checked) alignBody.granularity = 'subword';
    api('api/align', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(alignBody)
    }).then(function (res) {
      var words = res.tgtTokens.filter(function (t) { return t !== EOS; });
      state.response = {
        model: res.model, millis: res.millis, srcTokens: res.srcTokens, truncated: res.truncated, aligned: res,
        nbest: [{ translation: words.join(' '), score: res.logProb, tgtTokens: res.tgtTokens, alignment: res.alignment,
          unkReplaced: res.tgtTokens.map(function () { return false; }) }]
      };
      state.lines = [{ source: source, response: state.response, selected: 0 }];
      state.line = 0;
      state.translated = { text: el.source.value, model: el.model.value || null };
      state.response.unknownSource = res.unknownSource ? res.unknownSource.concat([false]) : null;
      clearStale();
      showResult(0);
      el.score.textContent = 'log P ' + formatScore(res.logProb) + ' · teacher-forced · ' + res.model + ' · ' + res.millis + ' ms';
      renderProbabilities(res);
      announceResult();
    }).catch(function (e) {
      showError(e.message);
      markStale('This is the previous result: the last request failed.');
      if (e.status === undefined) loadHealth();
    }).then(function () { setBusy(false); });
  }

  function renderProbabilities(res) {
    alignEl.probsList.textContent = '';
    res.tgtTokens.forEach(function (t, i) {
      var p = res.probabilities[i];
      var li = document.createElement('li');
      li.dataset.index = i;
      var name = document.createElement('span');
      name.className = 'p-token' + (t === EOS ? ' special' : '');
      name.textContent = t;
      var bar = document.createElement('span');
      bar.className = 'p-bar';
      bar.setAttribute('aria-hidden', 'true');
      var fill = document.createElement('span');
      fill.style.width = (100 * p).toFixed(1) + '%';
      bar.appendChild(fill);
      var value = document.createElement('span');
      value.className = 'p-value';
      value.textContent = formatProbability(p);
      li.appendChild(name);
      li.appendChild(bar);
      li.appendChild(value);
      if (res.unknownTarget[i]) {
        var unk = document.createElement('span');
        unk.className = 'p-unk';
        unk.textContent = 'unknown word (<unk>)';
        li.appendChild(unk);
      }
      alignEl.probsList.appendChild(li);
    });
    alignEl.probsMeta.textContent = 'given the source and the words before it; links: ' + (res.pharaoh || 'none');
    alignEl.probs.hidden = false;
  }

  function formatProbability(p) {
    return p >= 0.001 ? (100 * p).toFixed(1) + ' %' : p.toExponential(1);
  }

  function toInt(value) {
    var n = Number(value);
    return Number.isInteger(n) ? n : value;   // let the server say what is wrong with non-integers
  }

  // ---------------------------------------------------------------- compare models

  // One sentence, two to four models, one request each (in parallel); each answer is drawn in its own panel with
  // the heatmap code above, all on the absolute scale and words-only view so colours mean the same in every panel.
  var compareEl = {
    field: $('compare-field'), list: $('compare-models'), result: $('compare-result'),
    panels: $('compare-panels'), legend: $('compare-legend'), stale: $('compare-stale'), modelRow: document.querySelector('.model-row')
  };
  var COMPARE_MIN = 2, COMPARE_MAX = 4;

  // A checkbox per served model; the first two ready ones are ticked, earlier ticks survive a reload.
  function renderCompareChoices() {
    var keep = checkedCompareModels();
    compareEl.list.textContent = '';
    var ready = 0;
    state.models.forEach(function (m) {
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.value = m.name;
      box.checked = keep.length ? keep.indexOf(m.name) >= 0 : m.status !== 'failed' && ready++ < COMPARE_MIN;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + optionLabel(m)));
      compareEl.list.appendChild(label);
    });
  }

  function checkedCompareModels() {
    return Array.prototype.map.call(compareEl.list.querySelectorAll('input:checked'), function (b) { return b.value; });
  }

  function compareModels() {
    var text = el.source.value.trim(), models = checkedCompareModels();
    hideError();
    if (!text) { showError('Type a sentence to compare the models on.'); el.source.focus(); return; }
    if (sourceLines(text).length > 1) { showError('Compare takes one sentence: remove the line breaks.'); el.source.focus(); return; }
    if (models.length < COMPARE_MIN || models.length > COMPARE_MAX) {
      showError('Pick two to four models to compare.');
      var box = compareEl.list.querySelector('input');
      if (box) box.focus();
      return;
    }
    setBusy(true);
    state.compared = { text: text, models: models.join('\n') };
    checkCompareStale();
    el.intro.hidden = true;
    compareEl.result.hidden = false;
    compareEl.panels.textContent = '';
    compareEl.legend.textContent = 'One scale for all models. ' + legendText('absolute', false);
    var outcomes = models.map(function (name, k) {
      var panel = comparePanel(name);
      return api('api/translate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(searchOptions({ text: text, model: name, beam: toInt(el.beam.value), nbest: 1 }))
      }).then(function (res) {
        fillComparePanel(panel, res, k);
        return name + ': ' + (res.nbest[0].translation.trim() || 'empty translation');
      }, function (e) {
        failComparePanel(panel, e.message);
        return name + ' failed: ' + e.message;
      });
    });
    Promise.all(outcomes).then(function (said) {
      setBusy(false);
      var hidden = compareEl.panels.querySelector('.legend-note') !== null;
      compareEl.legend.textContent = 'One scale for all models. ' + legendText('absolute', hidden);
      honest.announce.textContent = '';
      setTimeout(function () {
        honest.announce.textContent = 'Compared ' + models.length + ' models. ' + said.join('. ') + '.';
      }, 50);
    });
  }

  // After an edit of the sentence or of the ticks, the panels on screen are dimmed and say why.
  function checkCompareStale() {
    var c = state.compared;
    var stale = !!c && (el.source.value.trim() !== c.text || checkedCompareModels().join('\n') !== c.models);
    compareEl.result.classList.toggle('stale', stale);
    compareEl.stale.textContent = stale ? 'The sentence or the models have changed since this comparison; compare again (Ctrl+Enter).' : '';
    compareEl.stale.hidden = !stale;
  }

  function comparePanel(name) {
    var panel = document.createElement('section');
    panel.className = 'card compare-panel';
    panel.setAttribute('aria-busy', 'true');
    var h = document.createElement('h3');
    h.textContent = name;
    panel.appendChild(h);
    var wait = document.createElement('p');
    wait.className = 'meta';
    wait.textContent = 'translating…';
    panel.appendChild(wait);
    compareEl.panels.appendChild(panel);
    return panel;
  }

  function fillComparePanel(panel, res, k) {
    var h = res.nbest[0], m = modelInfo(res.model);
    panel.removeChild(panel.lastChild);
    var out = document.createElement('p');
    out.className = 'compare-translation';
    if (m && m.targetLanguage) out.lang = m.targetLanguage;
    out.textContent = h.translation.trim() || '(empty translation)';
    var score = document.createElement('p');
    score.className = 'compare-score meta';
    score.textContent = 'score ' + formatScore(h.score) + ' · ' + res.millis + ' ms';
    var v = matrixView(res.srcTokens, h, true, 'absolute', res.unknownSource);
    v.opts.idPrefix = 'cmp' + k + '-';
    var wrap = document.createElement('div');
    wrap.className = 'compare-heatmap';
    wrap.appendChild(buildHeatmap(v.src, h.tgtTokens, v.shown, v.opts).svg);
    panel.appendChild(out);
    panel.appendChild(score);
    panel.appendChild(wrap);
    panel.classList.add('done');
    panel.setAttribute('aria-busy', 'false');
  }

  function failComparePanel(panel, message) {
    panel.removeChild(panel.lastChild);
    var p = document.createElement('p');
    p.className = 'compare-error';
    p.textContent = message;
    panel.appendChild(p);
    panel.classList.add('done', 'failed');
    panel.setAttribute('aria-busy', 'false');
  }

  // ---------------------------------------------------------------- input side

  function optionLabel(m) {
    var parts = [m.name];
    if (m.sourceLanguage && m.targetLanguage) parts.push(m.sourceLanguage + ' → ' + m.targetLanguage);
    if (m.validationBleu != null) parts.push('BLEU ' + m.validationBleu.toFixed(1));
    if (m.status !== 'ready') parts.push(m.status);
    return parts.join(' · ');
  }

  function currentModel() {
    for (var i = 0; i < state.models.length; i++) if (state.models[i].name === el.model.value) return state.models[i];
    return null;
  }

  function chip(text, cls, title) {
    var c = document.createElement('span');
    c.className = 'chip' + (cls ? ' ' + cls : '');
    c.textContent = text;
    if (title) c.title = title;
    return c;
  }

  function showModelInfo() {
    var m = currentModel();
    el.modelInfo.textContent = '';
    if (!m) return;
    if (m.sourceLanguage && m.targetLanguage) {
      el.modelInfo.appendChild(chip(m.sourceLanguage + ' → ' + m.targetLanguage, 'lang', 'Language pair'));
    }
    if (m.cell) el.modelInfo.appendChild(chip((m.bidirectional ? 'bi-' : '') + m.cell.toUpperCase(), '', 'Recurrent cell' + (m.bidirectional ? ', bidirectional encoder' : '')));
    if (m.attention) el.modelInfo.appendChild(chip(m.attention + ' attention', '', 'Attention kind'));
    if (m.validationBleu != null) el.modelInfo.appendChild(chip('BLEU ' + m.validationBleu.toFixed(1), '', 'Best validation BLEU during training'));
    var statusClass = 'status-' + m.status.replace(/\s+/g, '');
    if (state.serverDown) {
      el.modelInfo.appendChild(chip('server unreachable', 'status-failed', 'The server does not answer; the model cannot be used until it is back'));
    } else {
      el.modelInfo.appendChild(chip(m.status === 'not loaded' ? 'loads on first use' : m.status, statusClass, 'Model status'));
    }
    if (m.error) {
      var e = document.createElement('div');
      e.className = 'model-error';
      e.textContent = m.error;
      el.modelInfo.appendChild(e);
    }
    el.attribution.textContent = m.attribution || '';
  }

  function syncNbestLimit() {
    var beam = Math.max(1, Math.min(toInt(el.beam.value) || 1, state.limits.maxBeam));
    el.nbest.max = beam;
    if (+el.nbest.value > beam) el.nbest.value = beam;
  }

  function updateCounter() {
    var n = Array.from(el.source.value).length;   // code points, as the server counts
    el.counter.textContent = n + ' / ' + state.limits.maxChars;
    el.counter.classList.toggle('over', n > state.limits.maxChars);
  }

  function setBusy(busy) {
    el.translate.disabled = busy;
    var spinner = el.translate.querySelector('.spinner');
    if (busy && !spinner) {
      spinner = document.createElement('span');
      spinner.className = 'spinner';
      el.translate.insertBefore(spinner, el.translate.firstChild);
    } else if (!busy && spinner) {
      spinner.remove();
    }
    el.translate.classList.toggle('busy', busy);
    el.translate.setAttribute('aria-busy', String(busy));
  }

  function showError(message) {
    el.error.textContent = message;
    el.error.hidden = false;
  }

  function hideError() {
    el.error.hidden = true;
    el.error.textContent = '';
  }

  // ---------------------------------------------------------------- result

  function hypothesis(index) {
    return state.response.nbest[index] || state.response;
  }

  function showResult(index) {
    var res = state.response;
    var h = hypothesis(index);
    state.selected = index;
    el.intro.hidden = true;
    el.result.hidden = false;

    if (state.lines && state.lines[state.line]) state.lines[state.line].selected = index;
    el.score.textContent = (state.lines && state.lines.length > 1 ? 'line ' + (state.line + 1) + ' of ' + state.lines.length +
      ' (pick a line to see its alignment) · ' : '') + 'score ' + formatScore(h.score) + ' · ' + res.model + ' · ' + res.millis + ' ms';
    renderHeadline();
    renderTokens(el.tgt, h.tgtTokens, h.unkReplaced, 'tgt');
    renderTokens(el.src, res.srcTokens, null, 'src');
    markUnknownSource(res);
    setLanguages(res);
    el.subwordUnitsLabel.hidden = !res.subwords;

    el.notes.textContent = '';
    if (h.unkReplaced.some(Boolean)) {
      var key = document.createElement('span');
      key.innerHTML = '<span class="unk-key">underlined</span> words were unknown to the model (&lt;unk&gt;) and copied from the source';
      el.notes.appendChild(key);
    }
    if (res.truncated) {
      var warn = document.createElement('span');
      warn.className = 'warn';
      warn.textContent = 'The input was longer than the model accepts and was cut.';
      el.notes.appendChild(warn);
    }

    drawMatrix();
    renderNbest();
    renderWarnings(h, res);
  }

  // Draws the selected hypothesis's matrix. "words only" hides the source </s> column, but its share of every row
  // is drawn as a bar beside the row: recurrent encoders often park most of the attention on </s>, and a row whose
  // words got 3 % of it must not look like a confident alignment. The scale says how weights become colours:
  // absolute (the raw weight), per row (each row rescaled to 1 over the shown columns) or log (0.001 .. 1).
  function drawMatrix() {
    var res = state.response;
    if (!res) return;
    var h = hypothesis(state.selected);
    var v = matrixView(res.srcTokens, h, el.wordsOnly.checked, honest.scale.value, res.unknownSource);
    el.shape.textContent = h.tgtTokens.length + ' × ' + v.src.length + (v.opts.hidden ? ' (</s> column hidden; its share of each row is on the right)' : '');
    drawHeatmap(v.src, h.tgtTokens, v.shown, v.opts);
    state.matrix.raw = v.opts.raw;
    state.matrix.rescaled = v.opts.scale === 'row';
    state.matrix.hidden = v.opts.hidden;
    honest.legend.textContent = legendText(v.opts.scale, v.opts.hidden);
    if (!honest.table.hidden) renderTable();
  }

  // The columns shown (</s> hidden when asked and present), the weights as coloured for the scale, and the options
  // drawHeatmap needs: shared by the translate, align and compare modes.
  function matrixView(srcTokens, h, wordsOnly, scale, unknownSource) {
    var raw = h.alignment;
    var hasEos = srcTokens.length > 1 && srcTokens[srcTokens.length - 1] === EOS;
    var hide = wordsOnly && hasEos;
    var cols = hide ? srcTokens.length - 1 : srcTokens.length;
    var shown = raw.map(function (row) {
      var r = row.slice(0, cols);
      if (scale !== 'row') return r;
      var sum = total(r);
      return r.map(function (w) { return sum > 0 ? w / sum : 0; });
    });
    var wordMass = raw.map(function (row) { return total(hasEos ? row.slice(0, -1) : row); });
    var coverage = [];
    for (var j = 0; j < cols; j++) coverage.push(total(shown.map(function (row) { return row[j]; })));
    return {
      src: srcTokens.slice(0, cols), shown: shown,
      opts: {
        raw: raw, scale: scale, hidden: hide, eos: hide ? raw.map(function (row) { return row[row.length - 1]; }) : null,
        wordMass: wordMass, coverage: coverage, unknown: unknownSource ? unknownSource.slice(0, cols) : null
      }
    };
  }

  function total(values) {
    return values.reduce(function (a, b) { return a + b; }, 0);
  }

  function formatScore(s) {
    return (s < 0 ? '−' : '') + Math.abs(s).toFixed(2);
  }

  function renderTokens(container, tokens, replaced, axis) {
    container.textContent = '';
    tokens.forEach(function (t, i) {
      var span = document.createElement('span');
      span.className = 'tok';
      if (t === EOS || t === '<s>') span.classList.add('special');
      if (replaced && replaced[i]) {
        span.classList.add('unk');
        span.title = 'The model wrote <unk> here; this word was copied from the source';
      }
      span.textContent = t;
      span.tabIndex = i === 0 ? 0 : -1;   // one Tab stop per sentence; arrow keys move within (roving tabindex)
      span.dataset.axis = axis;
      span.dataset.index = i;
      container.appendChild(span);
    });
  }

  function renderNbest() {
    var list = state.response.nbest;
    el.nbestCard.hidden = list.length < 2;
    el.nbestCard.parentElement.classList.toggle('single', list.length < 2);
    el.nbestList.textContent = '';
    list.forEach(function (h, i) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'alt';
      b.dataset.index = i;
      b.setAttribute('aria-pressed', String(i === state.selected));
      var rank = document.createElement('span');
      rank.className = 'rank';
      rank.textContent = i + 1;
      var text = document.createElement('span');
      text.className = 'alt-text';
      h.tgtTokens.forEach(function (t, k) {
        if (t === EOS) return;
        if (k > 0) text.appendChild(document.createTextNode(' '));
        var w = document.createElement('span');
        w.textContent = t;
        if (h.unkReplaced[k]) w.className = 'unk';
        text.appendChild(w);
      });
      var score = document.createElement('span');
      score.className = 'alt-score';
      score.textContent = 'score ' + formatScore(h.score) + (i === 0 ? ' · best' : '');
      hypothesisFlags(h).forEach(function (f) {
        var flag = document.createElement('span');
        flag.className = 'alt-flag';
        flag.textContent = f;
        score.appendChild(flag);
      });
      b.appendChild(rank);
      b.appendChild(text);
      b.appendChild(score);
      li.appendChild(b);
      el.nbestList.appendChild(li);
    });
  }

  // ---------------------------------------------------------------- heatmap

  function color(w) {
    var x = Math.max(0, Math.min(1, w)) * (RAMP.length - 1);
    var i = Math.min(Math.floor(x), RAMP.length - 2);
    return mix(RAMP[i], RAMP[i + 1], x - i);
  }

  function mix(a, b, t) {
    var pa = parseInt(a.slice(1), 16), pb = parseInt(b.slice(1), 16);
    var r = Math.round(((pa >> 16) & 255) * (1 - t) + ((pb >> 16) & 255) * t);
    var g = Math.round(((pa >> 8) & 255) * (1 - t) + ((pb >> 8) & 255) * t);
    var bl = Math.round((pa & 255) * (1 - t) + (pb & 255) * t);
    return '#' + ((1 << 24) + (r << 16) + (g << 8) + bl).toString(16).slice(1);
  }

  var measureCtx = document.createElement('canvas').getContext('2d');
  function textWidth(text, size) {
    measureCtx.font = size + 'px ' + FONT;
    return measureCtx.measureText(text).width;
  }

  function svgEl(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }

  // Weight to a colour position in 0..1 for the scale: log maps 0.001 .. 1 onto the ramp.
  function intensity(w, scale) {
    if (scale !== 'log') return w;
    return w <= LOG_FLOOR ? 0 : Math.min(1, Math.log10(w / LOG_FLOOR) / -Math.log10(LOG_FLOOR));
  }

  function drawHeatmap(src, tgt, alignment, opts) {
    var m = buildHeatmap(src, tgt, alignment, opts);
    el.heatmap.textContent = '';
    el.heatmap.appendChild(m.svg);
    state.matrix = m;
    stickRowLabels();
  }

  // The heatmap as a detached SVG with its geometry (for highlighting). opts.idPrefix keeps the ids of the
  // pattern and gradient unique when several heatmaps share the page (compare mode).
  function buildHeatmap(src, tgt, alignment, opts) {
    var ids = opts.idPrefix || '';
    var narrow = window.matchMedia('(max-width: 600px)').matches;
    var cell = narrow ? 30 : 36;
    var fontSize = 13;
    var srcLabels = src.map(function (t, j) { return opts.unknown && opts.unknown[j] ? t + ' (unknown)' : t; });
    var maxSrc = Math.max.apply(null, srcLabels.map(function (t) { return textWidth(t, fontSize); }).concat([10]));
    var maxTgt = Math.max.apply(null, tgt.map(function (t) { return textWidth(t, fontSize); }).concat([10, textWidth('coverage Σ', 11)]));
    var diag = Math.SQRT1_2;   // column labels are rotated by 45 degrees
    var left = Math.ceil(maxTgt) + 14;
    var top = Math.ceil(maxSrc * diag) + 16;
    var gridRight = left + src.length * cell;
    var barWidth = opts.eos ? 92 : 0;                    // the </s> share of each row, when its column is hidden
    var gridBottom = top + tgt.length * cell;
    var legendTop = gridBottom + 30;                     // below the coverage row
    var legendWidth = 12 + Math.ceil(Math.max(textWidth(SCALE_NAMES[opts.scale] + ': ' + SCALE_HELP[opts.scale], 11),
      opts.eos ? textWidth(EOS_NOTE, 11) : 0)) + 12;
    var width = Math.max(gridRight + barWidth + Math.ceil(maxSrc * diag) + 8, legendWidth);
    var height = legendTop + (opts.eos ? 72 : 58);

    var svg = svgEl('svg', {
      xmlns: SVG_NS, width: width, height: height, viewBox: '0 0 ' + width + ' ' + height,
      role: 'img', 'font-family': FONT, 'font-size': fontSize,
      'aria-label': 'Attention alignment: ' + tgt.length + ' target tokens by ' + src.length + ' source tokens'
    });
    svgEl('rect', { x: 0, y: 0, width: width, height: height, fill: '#ffffff' }, svg);
    var defs = svgEl('defs', {}, svg);
    var hatch = svgEl('pattern', { id: ids + 'low-mass', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, defs);
    svgEl('rect', { width: 2, height: 6, fill: '#ffffff', opacity: 0.75 }, hatch);
    var gradient = svgEl('linearGradient', { id: ids + 'ramp', x1: 0, x2: 1, y1: 0, y2: 0 }, defs);
    RAMP.forEach(function (c, k) { svgEl('stop', { offset: (k / (RAMP.length - 1)).toFixed(3), 'stop-color': c }, gradient); });

    var colLabels = svgEl('g', { 'class': 'col-labels' }, svg);
    src.forEach(function (t, j) {
      var x = left + j * cell + cell / 2;
      var unknown = opts.unknown && opts.unknown[j];
      var label = svgEl('text', {
        'class': 'label' + (unknown ? ' unknown' : ''), 'data-axis': 'src', 'data-index': j,
        fill: unknown ? UNK_COLOR : t === EOS ? SPECIAL_COLOR : '#1c2430', 'font-style': unknown ? 'italic' : 'normal',
        transform: 'translate(' + (x - 2) + ',' + (top - 8) + ') rotate(-45)', 'text-anchor': 'start'
      }, colLabels);
      label.textContent = srcLabels[j];
    });

    var rowLabels = svgEl('g', { 'class': 'row-labels' }, svg);
    tgt.forEach(function (t, i) {
      var label = svgEl('text', {
        'class': 'label', 'data-axis': 'tgt', 'data-index': i, fill: t === EOS ? SPECIAL_COLOR : '#1c2430',
        x: left - 8, y: top + i * cell + cell / 2, 'text-anchor': 'end', 'dominant-baseline': 'central'
      }, rowLabels);
      label.textContent = t;
    });

    var cells = svgEl('g', { 'class': 'cells' }, svg);
    alignment.forEach(function (row, i) {
      row.forEach(function (w, j) {
        svgEl('rect', {
          'class': 'cell', 'data-row': i, 'data-col': j, 'data-weight': w, 'data-raw': opts.raw[i][j],
          x: left + j * cell, y: top + i * cell, width: cell, height: cell,
          fill: color(intensity(w, opts.scale)), stroke: '#ffffff', 'stroke-width': 1
        }, cells);
      });
      // Per row, a row whose words got almost none of the attention is hatched: its rescaled colours are noise.
      if (opts.scale === 'row' && opts.wordMass[i] < LOW_WORD_MASS) {
        svgEl('rect', { 'class': 'low-mass', x: left, y: top + i * cell, width: src.length * cell, height: cell,
          fill: 'url(#' + ids + 'low-mass)', 'pointer-events': 'none' }, cells);
      }
    });

    if (opts.eos) {
      var bars = svgEl('g', { 'class': 'eos-bars' }, svg);
      var bx = gridRight + 10, bw = 44;
      var head = svgEl('text', { x: bx, y: top - 8, fill: SPECIAL_COLOR, 'font-size': 11 }, bars);
      head.textContent = '→ </s>';
      opts.eos.forEach(function (m, i) {
        var y = top + i * cell + cell / 2;
        svgEl('rect', { x: bx, y: y - 5, width: bw, height: 10, rx: 2, fill: '#e5e9f0' }, bars);
        svgEl('rect', { 'class': 'eos-bar', 'data-row': i, 'data-mass': m, x: bx, y: y - 5, width: (bw * Math.max(0, Math.min(1, m))).toFixed(1),
          height: 10, rx: 2, fill: SPECIAL_COLOR }, bars);
        var pct = svgEl('text', { 'class': 'eos-share', x: bx + bw + 5, y: y, 'dominant-baseline': 'central', 'font-size': 11, fill: '#1c2430' }, bars);
        pct.textContent = percent(m);
      });
    }

    // Coverage: each source column's sum over the rows (of the weights as drawn).
    var cov = svgEl('g', { 'class': 'coverage' }, svg);
    var covLabel = svgEl('text', { x: left - 8, y: gridBottom + 14, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': 11, fill: '#5b6675' }, cov);
    covLabel.textContent = 'coverage Σ';
    opts.coverage.forEach(function (c, j) {
      var t = svgEl('text', { 'class': 'coverage-sum', 'data-col': j, x: left + j * cell + cell / 2, y: gridBottom + 14,
        'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 11, fill: opts.scale === 'row' && c < LOW_COVERAGE ? '#b42318' : '#1c2430' }, cov);
      t.textContent = c.toFixed(c < 10 ? 2 : 1);
    });

    drawLegend(svg, 12, legendTop, opts);

    // Row labels stay in view while the matrix scrolls sideways: drawn last, over a white strip, and moved by the
    // scroll offset (see stickRowLabels).
    var sticky = svgEl('g', { 'class': 'sticky-labels' }, svg);
    svgEl('rect', { x: 0, y: top - 2, width: left - 1, height: gridBottom - top + 30, fill: '#ffffff' }, sticky);
    sticky.appendChild(rowLabels);
    sticky.appendChild(covLabel);

    // Highlight bands for the hovered row and column, drawn above the cells; the keyboard cursor above them.
    var band = { fill: 'none', stroke: HIGHLIGHT, 'stroke-width': 2.5, rx: 3, visibility: 'hidden', 'pointer-events': 'none' };
    var rowBand = svgEl('rect', Object.assign({ 'class': 'band', x: left - 1, width: src.length * cell + 2, height: cell + 2 }, band), svg);
    var colBand = svgEl('rect', Object.assign({ 'class': 'band', y: top - 1, width: cell + 2, height: tgt.length * cell + 2 }, band), svg);
    var cursor = svgEl('rect', { 'class': 'cursor', width: cell - 2, height: cell - 2, fill: 'none', stroke: '#111827',
      'stroke-width': 3, visibility: 'hidden', 'pointer-events': 'none' }, svg);

    return { svg: svg, cell: cell, left: left, top: top, rowBand: rowBand, colBand: colBand, cursorRect: cursor,
      src: src, tgt: tgt, alignment: alignment, opts: opts, cursor: null };
  }

  // The colour ramp with ticks for the scale, and the </s> bar's key, inside the SVG (so every export carries it).
  function drawLegend(svg, x, y, opts) {
    var g = svgEl('g', { 'class': 'legend' }, svg);
    var w = 160;
    svgEl('rect', { x: x, y: y, width: w, height: 10, fill: 'url(#' + (opts.idPrefix || '') + 'ramp)', stroke: '#dfe4ec' }, g);
    var ticks = opts.scale === 'log' ? [[0, '≤0.001'], [1 / 3, '0.01'], [2 / 3, '0.1'], [1, '1']] : [[0, '0'], [0.5, '0.5'], [1, '1']];
    ticks.forEach(function (t) {
      svgEl('line', { x1: x + w * t[0], x2: x + w * t[0], y1: y + 10, y2: y + 14, stroke: '#5b6675' }, g);
      var label = svgEl('text', { x: x + w * t[0], y: y + 25, 'text-anchor': 'middle', 'font-size': 10, fill: '#5b6675' }, g);
      label.textContent = t[1];
    });
    var text = svgEl('text', { 'class': 'legend-text', x: x, y: y + 40, 'dominant-baseline': 'central', 'font-size': 11, fill: '#1c2430' }, g);
    text.textContent = SCALE_NAMES[opts.scale] + ': ' + SCALE_HELP[opts.scale];
    if (opts.eos) {
      var note = svgEl('text', { 'class': 'legend-note', x: x, y: y + 55, 'dominant-baseline': 'central', 'font-size': 11, fill: '#5b6675' }, g);
      note.textContent = EOS_NOTE;
    }
  }

  function stickRowLabels() {
    var g = state.matrix && state.matrix.svg.querySelector('.sticky-labels');
    if (g) g.setAttribute('transform', 'translate(' + honest.wrap.scrollLeft + ',0)');
  }

  function percent(m) {
    var p = 100 * m;
    return (p < 1 && p > 0 ? p.toFixed(1) : Math.round(p)) + ' %';
  }

  // ---------------------------------------------------------------- highlighting

  function clearHighlight() {
    var m = state.matrix;
    if (m) {
      m.rowBand.setAttribute('visibility', 'hidden');
      m.colBand.setAttribute('visibility', 'hidden');
      m.svg.querySelectorAll('.label.active').forEach(function (n) { n.classList.remove('active'); });
    }
    document.querySelectorAll('.tok.active').forEach(function (n) { n.classList.remove('active'); });
    document.querySelectorAll('.tok').forEach(function (n) { n.style.backgroundColor = ''; });
    el.tooltip.hidden = true;
  }

  // Highlights target row i and/or source column j (either may be null), shading the other sentence by weight.
  function highlight(i, j) {
    var m = state.matrix;
    if (!m) return;
    clearHighlight();
    if (i != null) {
      m.rowBand.setAttribute('y', m.top + i * m.cell - 1);
      m.rowBand.setAttribute('visibility', 'visible');
      activate('tgt', i);
    }
    if (j != null) {
      m.colBand.setAttribute('x', m.left + j * m.cell - 1);
      m.colBand.setAttribute('visibility', 'visible');
      activate('src', j);
    }
    if (i != null && j == null) shadeTokens(el.src, m.alignment[i]);
    if (j != null && i == null) shadeTokens(el.tgt, m.alignment.map(function (row) { return row[j]; }));
  }

  function activate(axis, index) {
    var sel = '[data-axis="' + axis + '"][data-index="' + index + '"]';
    state.matrix.svg.querySelectorAll('.label' + sel).forEach(function (n) { n.classList.add('active'); });
    document.querySelectorAll('.tok' + sel).forEach(function (n) { n.classList.add('active'); });
  }

  function shadeTokens(container, weights) {
    container.querySelectorAll('.tok').forEach(function (n, k) {
      var w = weights[k] || 0;
      n.style.backgroundColor = 'rgba(245, 158, 11, ' + (0.08 + 0.6 * w).toFixed(3) + ')';
    });
  }

  function showTooltip(target, i, j) {
    var m = state.matrix;
    var w = m.alignment[i][j];
    el.tooltip.textContent = '';
    var pair = document.createElement('div');
    pair.className = 'pair';
    var bt = document.createElement('b'); bt.textContent = m.tgt[i];
    var bs = document.createElement('b'); bs.textContent = m.src[j];
    pair.appendChild(bt);
    pair.appendChild(document.createTextNode(' ← '));
    pair.appendChild(bs);
    var weight = document.createElement('div');
    weight.className = 'weight';
    weight.textContent = m.rescaled ? w.toFixed(3) + ' of the row\'s shown attention' : w.toFixed(3);
    el.tooltip.appendChild(pair);
    el.tooltip.appendChild(weight);
    var detail = document.createElement('div');
    detail.className = 'pair';
    detail.textContent = cellDetail(i, j);
    el.tooltip.appendChild(detail);
    var r = target.getBoundingClientRect();
    el.tooltip.hidden = false;
    var half = el.tooltip.offsetWidth / 2 + 6;
    var x = Math.max(half, Math.min(window.innerWidth - half, r.left + r.width / 2));
    el.tooltip.style.left = x + 'px';
    // above the cell, or below it when there is no room above (the tooltip always stays on screen)
    var below = r.top < el.tooltip.offsetHeight + 14;
    el.tooltip.classList.toggle('below', below);
    el.tooltip.style.top = (below ? r.bottom : r.top) + 'px';
  }

  function onMatrixOver(e) {
    var t = e.target;
    if (t.classList.contains('cell')) {
      var i = +t.dataset.row, j = +t.dataset.col;
      highlight(i, j);
      showTooltip(t, i, j);
    } else if (t.classList.contains('label')) {
      var idx = +t.dataset.index;
      if (t.dataset.axis === 'tgt') highlight(idx, null); else highlight(null, idx);
    }
  }

  function onTokenOver(e) {
    var t = e.target.closest('.tok');
    if (!t || !state.matrix) return;
    var idx = +t.dataset.index;
    if (t.dataset.axis === 'tgt') highlight(idx, null); else highlight(null, idx);
  }

  // ---------------------------------------------------------------- downloads

  function baseName() {
    var res = state.response;
    return 'alignment-' + (res.model || 'model').replace(/[^\w.-]+/g, '_') + '-' + (state.selected + 1);
  }

  function svgText() {
    clearHighlight();
    return new XMLSerializer().serializeToString(exportSvg());
  }

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function downloadSvg() {
    download(new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n' + svgText()], { type: 'image/svg+xml' }), baseName() + '.svg');
  }

  function downloadPng() {
    clearHighlight();
    var svg = exportSvg();
    var w = +svg.getAttribute('width'), h = +svg.getAttribute('height'), scale = 2;
    var url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = w * scale;
      canvas.height = h * scale;
      var ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) { download(blob, baseName() + '.png'); }, 'image/png');
    };
    img.onerror = function () { URL.revokeObjectURL(url); showError('Could not render the PNG in this browser; try SVG.'); };
    img.src = url;
  }

  function downloadJson() {
    var res = state.response, h = hypothesis(state.selected);
    var data = {
      model: res.model, source: el.source.value, translation: h.translation, score: h.score,
      srcTokens: res.srcTokens, tgtTokens: h.tgtTokens, alignment: h.alignment, unkReplaced: h.unkReplaced,
      unknownSource: res.unknownSource || null, note: 'alignment holds the raw attention, </s> column included'
    };
    if (res.aligned) {
      data.target = alignEl.target.value;
      data.probabilities = res.aligned.probabilities;
      data.logProb = res.aligned.logProb;
      data.links = res.aligned.pharaoh;
    }
    download(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), baseName() + '.json');
  }

  // ---------------------------------------------------------------- honest page: lines, headline, warnings

  // Non-empty lines of the input: each is translated on its own.
  function sourceLines(text) {
    return text.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; });
  }

  // One request per line, in order (the API takes one text); each line gets its own result.
  function sendLines(lines, template) {
    var body = Object.assign({}, template);
    if (el.subwordUnits.checked) body.granularity = 'subword'; else delete body.granularity;
    state.lastLines = { lines: lines, body: body };
    state.lastBody = null;
    var results = [];
    setBusy(true);
    var chain = Promise.resolve();
    lines.forEach(function (line) {
      chain = chain.then(function () {
        return api('api/translate', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(Object.assign({}, body, { text: line }))
        }).then(function (res) { results.push({ source: line, response: res, selected: 0 }); });
      });
    });
    chain.then(function () {
      state.lines = results;
      state.line = 0;
      state.response = results[0].response;
      state.translated = { text: el.source.value, model: body.model };
      alignEl.probs.hidden = true;
      clearStale();
      showResult(0);
      announceResult();
    }).catch(function (e) {
      showError('Line ' + (results.length + 1) + ': ' + e.message);
      markStale('This is the previous result: the last request failed.');
      if (e.status === undefined) loadHealth();
    }).then(function () { setBusy(false); });
  }

  function lineTranslation(line) {
    var h = line.response.nbest[line.selected] || line.response;
    return h.translation;
  }

  function fullTranslation() {
    if (!state.lines) return hypothesis(state.selected).translation;
    return state.lines.map(lineTranslation).join('\n');
  }

  function modelInfo(name) {
    for (var i = 0; i < state.models.length; i++) if (state.models[i].name === name) return state.models[i];
    return null;
  }

  // The clean translation, one line per input line; with several lines each is a button that shows its matrix.
  function renderHeadline() {
    var lines = state.lines || [{ source: '', response: state.response, selected: state.selected }];
    honest.headline.textContent = '';
    lines.forEach(function (line, k) {
      var node = document.createElement(lines.length > 1 ? 'button' : 'p');
      node.className = 'line';
      if (lines.length > 1) {
        node.type = 'button';
        node.dataset.line = k;
        node.setAttribute('aria-pressed', String(k === state.line));
        node.title = 'Show the alignment of line ' + (k + 1) + ': ' + line.source;
      } else {
        node.style.margin = '0';
      }
      var text = lineTranslation(line);
      if (text.trim()) {
        node.textContent = text;
      } else {
        var empty = document.createElement('span');
        empty.className = 'empty';
        empty.textContent = '(empty translation: the model wrote only </s>)';
        node.appendChild(empty);
      }
      honest.headline.appendChild(node);
    });
  }

  // lang on everything in the target language (and the source tokens), so screen readers pronounce it right.
  function setLanguages(res) {
    var m = modelInfo(res.model) || {};
    [honest.headline, el.tgt, el.nbestList].forEach(function (n) {
      if (m.targetLanguage) n.setAttribute('lang', m.targetLanguage); else n.removeAttribute('lang');
    });
    if (m.sourceLanguage) el.src.setAttribute('lang', m.sourceLanguage); else el.src.removeAttribute('lang');
  }

  function markUnknownSource(res) {
    if (!res.unknownSource) return;
    el.src.querySelectorAll('.tok').forEach(function (n, k) {
      if (res.unknownSource[k]) {
        n.classList.add('unk-src');
        n.title = 'Unknown to the model: it saw <unk> here';
      }
    });
  }

  function words(tokens) {
    return tokens.filter(function (t) { return t !== EOS; });
  }

  // The longest n-gram (n >= 2 words, or one word 3 times running) that occurs twice without overlap, or null.
  function repeatedNgram(tokens) {
    var w = words(tokens);
    for (var n = Math.min(6, Math.floor(w.length / 2)); n >= 2; n--) {
      var seen = {};
      for (var i = 0; i + n <= w.length; i++) {
        var key = w.slice(i, i + n).join(' ');
        if (!/[\p{L}\p{N}]/u.test(key)) continue;
        if (seen[key] !== undefined && i - seen[key] >= n && (n >= 3 || w.length >= 8)) return key;
        if (seen[key] === undefined) seen[key] = i;
      }
    }
    for (var k = 2; k < w.length; k++) {
      if (w[k] === w[k - 1] && w[k] === w[k - 2] && /[\p{L}\p{N}]/u.test(w[k])) return w[k];
    }
    return null;
  }

  function hypothesisFlags(h) {
    var flags = [];
    if (!words(h.tgtTokens).length) flags.push('empty');
    if (repeatedNgram(h.tgtTokens)) flags.push('repeats');
    return flags;
  }

  // Source words (not </s>, not punctuation) whose column, with rows rescaled over the words, sums below LOW_COVERAGE.
  function uncoveredWords(h, res) {
    var src = res.srcTokens, n = src.length - (src[src.length - 1] === EOS ? 1 : 0);
    var rows = h.alignment.filter(function (row, i) { return h.tgtTokens[i] !== EOS; });
    var out = [];
    for (var j = 0; j < n; j++) {
      if (!/[\p{L}\p{N}]/u.test(src[j])) continue;
      var c = 0;
      rows.forEach(function (row) {
        var sum = total(row.slice(0, n));
        if (sum > 0) c += row[j] / sum;
      });
      if (c < LOW_COVERAGE) out.push(src[j]);
    }
    return { words: out, of: src.slice(0, n).filter(function (t) { return /[\p{L}\p{N}]/u.test(t); }).length };
  }

  function renderWarnings(h, res) {
    var list = [];
    if (!words(h.tgtTokens).length) {
      list.push('The translation is empty: the model ended at once (only </s>). Try another alternative, a smaller beam or a shorter sentence.');
    }
    var rep = repeatedNgram(h.tgtTokens);
    if (rep) list.push('The translation repeats itself ("' + rep + '" more than once): the decoder may be stuck in a loop.');
    if (words(h.tgtTokens).length && !res.aligned) {
      var cov = uncoveredWords(h, res);
      if (cov.words.length && cov.words.length * 3 >= cov.of) {
        list.push('Low coverage: ' + cov.words.length + ' of ' + cov.of + ' source words got little attention (' +
          cov.words.slice(0, 6).join(', ') + (cov.words.length > 6 ? ', …' : '') + '); parts of the source may be missing.');
      }
    }
    if (res.unknownSource) {
      var unknown = res.srcTokens.filter(function (t, k) { return res.unknownSource[k]; });
      if (unknown.length) {
        list.push('Unknown to the model (it read <unk>): ' + unknown.join(', ') + '. They are marked in the source and the matrix.');
      }
    }
    honest.warnings.textContent = '';
    list.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      honest.warnings.appendChild(li);
    });
    honest.warnings.hidden = !list.length;
  }

  function announceResult() {
    var text = fullTranslation();
    var warnings = honest.warnings.hidden ? 0 : honest.warnings.children.length;
    honest.announce.textContent = '';
    setTimeout(function () {
      honest.announce.textContent = (text.trim() ? 'Translation: ' + text : 'The translation is empty.') +
        (warnings ? ' ' + warnings + (warnings > 1 ? ' warnings.' : ' warning.') : '');
    }, 50);
  }

  // ---------------------------------------------------------------- honest page: stale results, health, numbers

  function markStale(reason) {
    if (el.result.hidden) return;
    el.result.classList.add('stale');
    honest.staleNote.textContent = reason;
    honest.staleNote.hidden = false;
  }

  function clearStale() {
    el.result.classList.remove('stale');
    honest.staleNote.hidden = true;
    honest.staleNote.textContent = '';
  }

  // After an edit or a model switch, says whether the result on screen still matches the input.
  function checkStale() {
    if (!state.translated || el.result.hidden) return;
    if (!el.source.value.trim()) markStale('The text box is empty; this is the previous result.');
    else if ((el.model.value || null) !== state.translated.model && state.translated.model !== null) {
      markStale('This result is from model ' + state.translated.model + '; translate again to use ' + el.model.value + '.');
    } else if (el.source.value !== state.translated.text) {
      markStale('The text has changed since this result; translate again (Ctrl+Enter).');
    } else clearStale();
  }

  function serverReachable(up) {
    var wasDown = state.serverDown;
    state.serverDown = !up;
    if (wasDown !== state.serverDown) showModelInfo();
    if (up && wasDown) {
      loadModels();   // statuses may have changed while it was away
      if (/Cannot reach the server/.test(el.error.textContent)) hideError();
    }
  }

  function pollHealth() {
    loadHealth().then(function () {
      setTimeout(pollHealth, state.serverDown ? 2000 : 10000);
    });
  }

  // Beam and n-best must be whole numbers in range; says what is wrong beside the fields.
  // The search options of the "Search options" panel, added to a request body when they differ from the server's
  // defaults (so the API's own defaults stay in charge otherwise). Shared with replay.js through window.nmt4j.
  var SEARCH_DEFAULTS = { 'coverage-beta': '0.2', 'block-ngram': '3', 'min-length-ratio': '0' };
  function searchOptions(body) {
    var beta = document.getElementById('coverage-beta'), block = document.getElementById('block-ngram'),
      ratio = document.getElementById('min-length-ratio');
    if (beta.value !== SEARCH_DEFAULTS['coverage-beta']) body.coverageBeta = Number(beta.value);
    if (block.value !== SEARCH_DEFAULTS['block-ngram']) body.blockNgramRepeat = Number(block.value);
    if (ratio.value !== SEARCH_DEFAULTS['min-length-ratio']) body.minLengthRatio = Number(ratio.value);
    return body;
  }
  window.nmt4j = { searchOptions: searchOptions };
  document.getElementById('search-defaults').addEventListener('click', function () {
    Object.keys(SEARCH_DEFAULTS).forEach(function (id) { document.getElementById(id).value = SEARCH_DEFAULTS[id]; });
  });

  function validateNumbers(focus) {
    var problems = [];
    var beam = Number(el.beam.value), nbest = Number(el.nbest.value), maxBeam = state.limits.maxBeam;
    var beamOk = el.beam.value.trim() !== '' && Number.isInteger(beam) && beam >= 1 && beam <= maxBeam;
    if (!beamOk) problems.push('Beam must be a whole number from 1 to ' + maxBeam + '.');
    var nbestMax = beamOk ? beam : maxBeam;
    var nbestOk = el.nbest.value.trim() !== '' && Number.isInteger(nbest) && nbest >= 1 && nbest <= nbestMax;
    if (!nbestOk) problems.push('N-best must be a whole number from 1 to ' + nbestMax + (beamOk ? ' (the beam width).' : '.'));
    el.beam.setAttribute('aria-invalid', String(!beamOk));
    el.nbest.setAttribute('aria-invalid', String(!nbestOk));
    honest.numberError.textContent = problems.join(' ');
    honest.numberError.hidden = !problems.length;
    if (problems.length && focus) (beamOk ? el.nbest : el.beam).focus();
    return !problems.length;
  }

  // ---------------------------------------------------------------- honest page: matrix text, table, export

  function legendText(scale, hidden) {
    return 'Scale ' + SCALE_NAMES[scale] + ': ' + SCALE_HELP[scale] + '. Rows: translation · columns: source · ' +
      'coverage Σ: each column\'s sum.' + (hidden ? ' The </s> column is hidden; the grey bars give its share of each row.' : '');
  }

  function cellDetail(i, j) {
    var m = state.matrix, o = m.opts;
    var parts = ['raw ' + o.raw[i][j].toFixed(3)];
    var eos = o.raw[i][o.raw[i].length - 1];
    if (state.response.srcTokens[state.response.srcTokens.length - 1] === EOS) {
      parts.push('</s> took ' + percent(eos) + ' of this row');
    }
    if (o.scale === 'row' && o.wordMass[i] < LOW_WORD_MASS) parts.push('only ' + percent(o.wordMass[i]) + ' on the words: mostly noise');
    return parts.join(' · ');
  }

  function renderTable() {
    var m = state.matrix;
    if (!m) return;
    var o = m.opts;
    var table = document.createElement('table');
    var caption = document.createElement('caption');
    caption.textContent = 'Attention of each target token (rows) on each source token (columns). ' + legendText(o.scale, o.hidden);
    table.appendChild(caption);
    var head = document.createElement('tr');
    var corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = 'target \\ source';
    head.appendChild(corner);
    m.src.forEach(function (t, j) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t + (o.unknown && o.unknown[j] ? ' (unknown)' : '');
      head.appendChild(th);
    });
    if (o.eos) { var eh = document.createElement('th'); eh.scope = 'col'; eh.textContent = '</s> share'; head.appendChild(eh); }
    table.appendChild(head);
    m.tgt.forEach(function (t, i) {
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = t;
      tr.appendChild(th);
      m.alignment[i].forEach(function (w) {
        var td = document.createElement('td');
        td.textContent = w.toFixed(3);
        tr.appendChild(td);
      });
      if (o.eos) { var td = document.createElement('td'); td.textContent = percent(o.eos[i]); tr.appendChild(td); }
      table.appendChild(tr);
    });
    var cov = document.createElement('tr');
    var ch = document.createElement('th');
    ch.scope = 'row';
    ch.textContent = 'coverage Σ';
    cov.appendChild(ch);
    o.coverage.forEach(function (c) { var td = document.createElement('td'); td.textContent = c.toFixed(2); cov.appendChild(td); });
    table.appendChild(cov);
    honest.table.textContent = '';
    honest.table.appendChild(table);
  }

  function setTableView(on) {
    honest.tableToggle.setAttribute('aria-pressed', String(on));
    honest.table.hidden = !on;
    honest.wrap.hidden = on;
    if (on) renderTable();
  }

  // The drawn matrix with a title (source → translation), the model, the view and the scale above it.
  function exportSvg() {
    var m = state.matrix, res = state.response, h = hypothesis(state.selected);
    var svg = m.svg.cloneNode(true);
    svg.querySelectorAll('.band, .cursor').forEach(function (n) { n.remove(); });
    svg.querySelectorAll('.sticky-labels').forEach(function (n) { n.removeAttribute('transform'); });
    var w = +svg.getAttribute('width'), hgt = +svg.getAttribute('height');
    var source = state.lines && state.lines[state.line] ? state.lines[state.line].source : el.source.value;
    var title = '"' + clip(source.trim(), 70) + '" → "' + clip(h.translation, 70) + '"';
    var lines = [
      'model ' + res.model + ' · hypothesis ' + (state.selected + 1) + ' of ' + res.nbest.length +
        (res.aligned ? ' · teacher-forced' : '') + ' · score ' + formatScore(h.score),
      'view: ' + (m.hidden ? 'words only (</s> column hidden; grey bars give its share of each row)' : 'all source tokens (</s> column shown)') +
        ' · scale: ' + SCALE_NAMES[m.opts.scale] + (m.opts.scale === 'row' ? ' (rows rescaled to sum 1 over the shown columns)' : '')
    ];
    var headH = 58;
    var width = Math.max(w, Math.ceil(Math.max(textWidth(title, 14), textWidth(lines[0], 11), textWidth(lines[1], 11))) + 24);
    var body = document.createElementNS(SVG_NS, 'g');
    body.setAttribute('transform', 'translate(0,' + headH + ')');
    while (svg.firstChild) body.appendChild(svg.firstChild);
    svgEl('rect', { x: 0, y: 0, width: width, height: hgt + headH, fill: '#ffffff' }, svg);
    var t = svgEl('title', {}, svg);
    t.textContent = 'Attention alignment: ' + title;
    var th = svgEl('text', { 'class': 'export-title', x: 12, y: 20, 'font-size': 14, 'font-weight': 650, fill: '#1c2430' }, svg);
    th.textContent = title;
    lines.forEach(function (line, k) {
      var n = svgEl('text', { 'class': 'export-note', x: 12, y: 38 + 14 * k, 'font-size': 11, fill: '#5b6675' }, svg);
      n.textContent = line;
    });
    svg.appendChild(body);
    svg.setAttribute('width', width);
    svg.setAttribute('height', hgt + headH);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (hgt + headH));
    return svg;
  }

  function clip(text, n) {
    var chars = Array.from(text);
    return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : text;
  }

  // ---------------------------------------------------------------- honest page: keyboard

  // Arrow keys, Home and End move between the tokens of one sentence, which is one Tab stop (roving tabindex).
  function onTokenKeys(e) {
    var t = e.target.closest('.tok');
    if (!t) return;
    var toks = Array.prototype.slice.call(e.currentTarget.querySelectorAll('.tok'));
    var k = toks.indexOf(t);
    var next = { ArrowRight: k + 1, ArrowDown: k + 1, ArrowLeft: k - 1, ArrowUp: k - 1, Home: 0, End: toks.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    next = Math.max(0, Math.min(toks.length - 1, next));
    toks.forEach(function (n) { n.tabIndex = -1; });
    toks[next].tabIndex = 0;
    toks[next].focus();
  }

  // Arrow keys move a cursor over the heatmap cells; the cell is highlighted, shown in the tooltip and announced.
  function onHeatmapKeys(e) {
    var m = state.matrix;
    if (!m || !m.tgt.length || !m.src.length) return;
    var c = m.cursor || { i: 0, j: 0 };
    var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key === 'Escape') { clearHighlight(); m.cursorRect.setAttribute('visibility', 'hidden'); return; }
    var d = moves[e.key];
    if (e.key === 'Home') d = [0, -c.j];
    if (e.key === 'End') d = [0, m.src.length - 1 - c.j];
    if (!d) return;
    e.preventDefault();
    var next = m.cursor ? { i: Math.max(0, Math.min(m.tgt.length - 1, c.i + d[0])), j: Math.max(0, Math.min(m.src.length - 1, c.j + d[1])) } : c;
    moveCursor(next.i, next.j);
  }

  function moveCursor(i, j) {
    var m = state.matrix;
    m.cursor = { i: i, j: j };
    highlight(i, j);
    m.cursorRect.setAttribute('x', m.left + j * m.cell + 1);
    m.cursorRect.setAttribute('y', m.top + i * m.cell + 1);
    m.cursorRect.setAttribute('visibility', 'visible');
    var cellNode = m.svg.querySelector('rect.cell[data-row="' + i + '"][data-col="' + j + '"]');
    if (cellNode) {
      cellNode.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      showTooltip(cellNode, i, j);
    }
    honest.cellStatus.textContent = m.tgt[i] + ' to ' + m.src[j] + ': ' + m.alignment[i][j].toFixed(3) + '; ' + cellDetail(i, j);
  }

  function wireHonestPage() {
    [el.tgt, el.src].forEach(function (container) { container.addEventListener('keydown', onTokenKeys); });
    honest.wrap.addEventListener('keydown', onHeatmapKeys);
    honest.wrap.addEventListener('focus', function () {
      if (state.matrix && state.matrix.tgt.length && state.matrix.src.length) {
        var c = state.matrix.cursor || { i: 0, j: 0 };
        moveCursor(c.i, c.j);
      }
    });
    honest.wrap.addEventListener('blur', function () {
      clearHighlight();
      if (state.matrix) state.matrix.cursorRect.setAttribute('visibility', 'hidden');
    });
    honest.scale.addEventListener('change', drawMatrix);
    honest.tableToggle.addEventListener('click', function () {
      setTableView(honest.tableToggle.getAttribute('aria-pressed') !== 'true');
    });
    honest.headline.addEventListener('click', function (e) {
      var b = e.target.closest('button.line');
      if (!b || !state.lines) return;
      var k = +b.dataset.line;
      state.line = k;
      state.response = state.lines[k].response;
      showResult(state.lines[k].selected);
      var again = honest.headline.querySelector('button.line[data-line="' + k + '"]');
      if (again) again.focus();
    });
    el.source.addEventListener('input', checkStale);
    alignEl.target.addEventListener('input', checkStale);
    el.model.addEventListener('change', checkStale);
    el.beam.addEventListener('input', function () { validateNumbers(false); });
    el.nbest.addEventListener('input', function () { validateNumbers(false); });
  }

  // ---------------------------------------------------------------- wiring

  el.translate.addEventListener('click', translate);
  // Ctrl+Enter (Cmd+Enter) translates wherever the focus is.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!el.translate.disabled) translate();
    }
  });
  el.source.addEventListener('input', updateCounter);
  el.beam.addEventListener('input', syncNbestLimit);
  el.model.addEventListener('change', function () { showModelInfo(); hideError(); });

  el.heatmap.addEventListener('mouseover', onMatrixOver);
  el.heatmap.addEventListener('click', onMatrixOver);   // touch screens have no hover
  el.heatmap.addEventListener('mouseleave', clearHighlight);
  [el.tgt, el.src].forEach(function (container) {
    container.addEventListener('mouseover', onTokenOver);
    container.addEventListener('focusin', onTokenOver);
    container.addEventListener('mouseleave', clearHighlight);
    container.addEventListener('focusout', clearHighlight);
  });
  el.heatmap.parentElement.addEventListener('scroll', function () { el.tooltip.hidden = true; stickRowLabels(); });
  window.addEventListener('scroll', function () { el.tooltip.hidden = true; }, { passive: true });

  el.nbestList.addEventListener('click', function (e) {
    var b = e.target.closest('.alt');
    if (!b) return;
    var index = +b.dataset.index;
    showResult(index);
    var chosen = el.nbestList.querySelector('.alt[data-index="' + index + '"]');
    if (chosen) chosen.focus();   // the list was redrawn: keep the focus on the chosen alternative
  });

  el.copy.addEventListener('click', function () {
    var text = fullTranslation();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(function () {
        el.copy.textContent = 'Copied';
        setTimeout(function () { el.copy.textContent = 'Copy'; }, 1200);
      }, function () { /* clipboard refused (e.g. not a secure context): nothing to do */ });
    }
  });
  el.wordsOnly.addEventListener('change', drawMatrix);
  alignEl.modes.forEach(function (r) { r.addEventListener('change', setMode); });
  // The same request again, in the other units.
  el.subwordUnits.addEventListener('change', function () {
    if (state.lastLines) sendLines(state.lastLines.lines, state.lastLines.body);
    else if (state.lastBody) send(state.lastBody);
  });
  el.dlSvg.addEventListener('click', downloadSvg);
  el.dlPng.addEventListener('click', downloadPng);
  el.dlJson.addEventListener('click', downloadJson);

  el.source.addEventListener('input', checkCompareStale);
  compareEl.list.addEventListener('change', checkCompareStale);

  wireHonestPage();
  loadModels();
  pollHealth();
})();
