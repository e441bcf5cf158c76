import type { PublishedTestimonial } from '@keluh/core';

/**
 * JSON made safe inside a script: `</script>` cannot close anything (the file is never inline, but a
 * proxy or a careless copy may inline it) and U+2028/2029 are line breaks to old JavaScript parsers.
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/*
 * The embeddable snippet: one <script src> and a <div data-keluh-testimonials> (optional data-limit).
 * The testimonials travel inside the script, so the host page needs no connect-src for us and runs no
 * inline code (CSP-safe); every customer-written string reaches the page through textContent only.
 */
const RENDER = `
  function render() {
    var targets = document.querySelectorAll('[data-keluh-testimonials]');
    for (var i = 0; i < targets.length; i++) {
      var target = targets[i];
      var limit = parseInt(target.getAttribute('data-limit') || '', 10);
      var shown = isNaN(limit) ? testimonials : testimonials.slice(0, Math.max(0, limit));
      var list = document.createElement('ul');
      list.className = 'keluh-testimonials';
      for (var j = 0; j < shown.length; j++) {
        var item = document.createElement('li');
        item.className = 'keluh-testimonial';
        var score = document.createElement('span');
        score.className = 'keluh-testimonial-score';
        score.setAttribute('aria-label', shown[j].score + ' / 5');
        score.textContent = new Array(shown[j].score + 1).join('\\u2605');
        var quote = document.createElement('blockquote');
        quote.textContent = shown[j].text;
        var name = document.createElement('cite');
        name.textContent = shown[j].displayName;
        item.appendChild(score);
        item.appendChild(quote);
        item.appendChild(name);
        list.appendChild(item);
      }
      while (target.firstChild) target.removeChild(target.firstChild);
      target.appendChild(list);
    }
  }
  // A script in <head> runs before the placeholder exists.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
  else render();
`;

export function testimonialsScript(testimonials: readonly PublishedTestimonial[]): string {
  const shown = testimonials.map(({ score, text, displayName }) => ({ score, text, displayName }));
  return `/* Keluh testimonials: <div data-keluh-testimonials></div> */\n(function () {\n  'use strict';\n  var testimonials = ${scriptJson(shown)};\n${RENDER}})();\n`;
}
