/*
 * RiskAudit audit-board entry: the only script of the application (docs/web-boards.md).
 *
 * Without this script the review page's "Save this card" is a plain form. With it, a saved entry
 * is first put in a queue in this browser's localStorage under a submission id generated here,
 * then sent with fetch; it leaves the queue only when the server acknowledges it (after the
 * commit). After a network drop the queue is re-sent, with growing pauses, until every entry is
 * acknowledged; the server records each submission id in the same transaction as the entry, so a
 * re-sent entry is never recorded twice.
 */
(function () {
  'use strict';
  var KEY = 'riskaudit.board.queue';
  var REFUSED = 'riskaudit.board.refused';
  var sending = false;
  var delay = 1000;
  var timer = null;

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || '[]');
    } catch (e) {
      return [];
    }
  }

  function write(key, value) {
    window.localStorage.setItem(key, JSON.stringify(value));
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) {
      return ('0' + x.toString(16)).slice(-2);
    }).join('');
  }

  function csrfToken() {
    var f = document.querySelector('input[name="csrf"]');
    return f ? f.value : '';
  }

  function show(message) {
    var el = document.getElementById('queue-status');
    if (el) {
      el.textContent = message;
      el.hidden = message === '';
    }
  }

  function describe() {
    var waiting = read(KEY).length;
    var refused = read(REFUSED);
    var parts = [];
    if (waiting > 0) {
      parts.push(waiting + (waiting === 1 ? ' entry is' : ' entries are') +
        ' kept on this device and not yet acknowledged by the server; sending again shortly.' +
        ' Keep this page open.');
    }
    refused.forEach(function (r) {
      parts.push('Not saved: ' + r.message + ' (card ' + r.card + '). Enter that card again.');
    });
    show(parts.join(' '));
  }

  function body(item) {
    var p = new URLSearchParams();
    item.fields.forEach(function (kv) {
      p.append(kv[0], kv[1]);
    });
    p.append('csrf', csrfToken() || item.csrf);
    return p.toString();
  }

  function sendOne(item) {
    return window.fetch(item.api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept': 'application/json',
        'X-CSRF-Token': csrfToken() || item.csrf
      },
      body: body(item)
    }).then(function (res) {
      if (res.ok) {
        return {ack: true};
      }
      if (res.status === 401 || res.status === 403 || res.status === 408 ||
          res.status === 429 || res.status >= 500) {
        // signed out, throttled or server trouble: keep the entry and try again later
        return {retry: res.status === 401 || res.status === 403 ?
          'Sign in again to send the entries kept on this device.' : ''};
      }
      return res.json().then(function (j) {
        return {refused: j.message || ('refused (' + res.status + ')')};
      }, function () {
        return {refused: 'refused (' + res.status + ')'};
      });
    });
  }

  /** Sends the queue in order; resolves true when it is empty. */
  function flush() {
    if (sending) {
      return Promise.resolve(false);
    }
    sending = true;
    function step() {
      var queue = read(KEY);
      if (queue.length === 0) {
        return Promise.resolve(true);
      }
      var item = queue[0];
      return sendOne(item).then(function (r) {
        if (r.retry !== undefined) {
          if (r.retry) {
            show(r.retry);
          }
          return false;
        }
        var rest = read(KEY).filter(function (x) {
          return x.id !== item.id;
        });
        write(KEY, rest);
        if (r.refused) {
          var refused = read(REFUSED);
          refused.push({card: item.card, message: r.refused});
          write(REFUSED, refused);
        }
        return step();
      });
    }
    return step().then(function (done) {
      sending = false;
      describe();
      if (done) {
        delay = 1000;
      } else {
        schedule();
      }
      return done;
    }, function () {
      sending = false; // the network is down: keep everything, try again
      describe();
      schedule();
      return false;
    });
  }

  function schedule() {
    if (timer) {
      return;
    }
    timer = window.setTimeout(function () {
      timer = null;
      flush();
    }, delay);
    delay = Math.min(delay * 2, 30000);
  }

  function enhanceSave(form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = [];
      var csrf = '';
      new FormData(form).forEach(function (v, k) {
        if (k === 'csrf') {
          csrf = v;
        } else if (k !== 'submission') {
          fields.push([k, v]);
        }
      });
      var id = newId();
      fields.push(['submission', id]);
      var card = '';
      fields.forEach(function (kv) {
        if (kv[0] === 'card') {
          card = kv[1];
        }
      });
      var queue = read(KEY);
      queue.push({id: id, api: form.getAttribute('data-api'), card: card, csrf: csrf,
        fields: fields});
      write(KEY, queue);
      var button = form.querySelector('button');
      if (button) {
        button.disabled = true;
      }
      show('Saving...');
      var next = form.getAttribute('data-next') || '/board';
      flush().then(function (done) {
        var acked = read(KEY).every(function (x) {
          return x.id !== id;
        });
        var refused = read(REFUSED).some(function (r) {
          return r.card === card;
        });
        if (acked && !refused) {
          window.location.assign(next);
        } else if (!acked) {
          describe();
          var link = document.createElement('a');
          link.href = next;
          link.className = 'button big';
          link.textContent = 'Go on to the next card (this entry will be sent when the network' +
            ' is back)';
          form.parentNode.insertBefore(link, form.nextSibling);
        }
      });
    });
  }

  /** The credentials sheet's QR code opens the sign-in page with #passphrase=... */
  function fillPassphrase() {
    var field = document.getElementById('passphrase');
    var hash = window.location.hash || '';
    if (!field || hash.indexOf('#passphrase=') !== 0) {
      return;
    }
    try {
      field.value = decodeURIComponent(hash.substring('#passphrase='.length).replace(/\+/g, ' '));
    } catch (e) {
      return;
    }
    // the passphrase leaves the address bar and the history
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    var next = document.getElementById('member1');
    if (next) {
      next.focus();
    }
  }

  function init() {
    fillPassphrase();
    var save = document.querySelector('form.save[data-api]');
    if (save) {
      enhanceSave(save);
    }
    // A fresh entry form for a card clears an old refusal of that card.
    var card = document.querySelector('form.entry input[name="card"]');
    if (card) {
      write(REFUSED, read(REFUSED).filter(function (r) {
        return r.card !== card.value;
      }));
    }
    window.addEventListener('online', function () {
      delay = 1000;
      flush();
    });
    describe();
    flush();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
