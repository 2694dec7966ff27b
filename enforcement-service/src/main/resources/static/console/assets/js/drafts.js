// 草稿: what a person types into a console form is kept in this tab's sessionStorage (never on the
// server) until the action succeeds, so that nothing typed is lost when a session expired meanwhile:
// the submit then leads to the sign-in page, and back on the case page the form is filled again and
// opened, with a notice. The server names the form whose action succeeded (data-done-form); its draft
// is dropped. Files cannot be restored by a page; passwords and CSRF tokens are never kept.
(function () {
  'use strict';
  var PREFIX = 'console-draft:';

  function keyOf(form) {
    return PREFIX + form.getAttribute('action');
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== '_csrf' && ['file', 'hidden', 'submit', 'password', 'button'].indexOf(el.type) < 0;
    });
  }

  function save(form) {
    var data = {};
    fieldsOf(form).forEach(function (el) {
      if (el.type === 'radio' || el.type === 'checkbox') {
        if (el.checked) {
          (data[el.name] = data[el.name] || []).push(el.value);
        }
      } else {
        data[el.name] = el.value;
      }
    });
    try {
      sessionStorage.setItem(keyOf(form), JSON.stringify(data));
    } catch (e) { /* storage full or disabled: nothing kept */ }
  }

  function restore(form, data) {
    var typed = false;
    fieldsOf(form).forEach(function (el) {
      var v = data[el.name];
      if (v === undefined || el.type === 'radio' || el.type === 'checkbox' || el.tagName === 'SELECT') {
        return;
      }
      if (!el.value && v) { // what the server filled in (a refused form) wins
        el.value = v;
        typed = true;
      }
    });
    if (!typed) {
      return false;
    }
    fieldsOf(form).forEach(function (el) {
      var v = data[el.name];
      if (v === undefined) {
        return;
      }
      if (el.type === 'radio' || el.type === 'checkbox') {
        el.checked = v.indexOf(el.value) >= 0;
      } else if (el.tagName === 'SELECT') {
        el.value = v;
      }
    });
    return true;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var doneMarker = document.getElementById('done-form');
    var done = doneMarker ? doneMarker.getAttribute('data-form') : null;
    if (done) { // the form itself is usually gone from the page once its action is done
      sessionStorage.removeItem(PREFIX + done);
    }
    var labelled = document.querySelector('[data-restored-notice]');
    var notice = labelled ? labelled.getAttribute('data-restored-notice') : null;
    Array.prototype.forEach.call(document.querySelectorAll('form[method="post"]:not([data-no-draft])'), function (form) {
      var key = keyOf(form);
      var saved = sessionStorage.getItem(key);
      if (saved) {
        try {
          if (restore(form, JSON.parse(saved))) {
            var section = form.closest('details');
            if (section) {
              section.open = true;
            }
            if (notice) {
              var p = document.createElement('p');
              p.className = 'notice restored';
              p.setAttribute('role', 'status');
              p.textContent = notice;
              form.insertBefore(p, form.firstChild);
            }
          }
        } catch (e) {
          sessionStorage.removeItem(key);
        }
      }
      form.addEventListener('input', function () { save(form); });
      form.addEventListener('change', function () { save(form); });
      form.addEventListener('submit', function () { save(form); });
    });
  });
}());
