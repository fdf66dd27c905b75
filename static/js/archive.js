/* Progressive enhancement for reading pages: every page works without this file.
 *
 * - a "copy link" button beside each paragraph's permalink;
 * - a "copy" button beside each line of the cite box (the lines stay selectable text without it);
 * - language links that keep the reader at the same paragraph (same eid in every language);
 * - the sticky language bar's height, measured, so that a followed link's target (a paragraph,
 *   a footnote, a footnote's back-link) lands below it.
 */
(function () {
  "use strict";

  var PARAGRAPH_ID = /^(preamble|para|annex|fn)_[0-9a-z_]+$/;

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "absolute";
      field.style.left = "-9999px";
      document.body.appendChild(field);
      field.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(field);
      (copied ? resolve : reject)();
    });
  }

  // Says on the button that the copy worked (or did not), then puts its label back.
  function confirmCopy(button, copying, label) {
    copying.then(function () {
      button.textContent = "已复制";
      button.classList.add("done");
      window.setTimeout(function () {
        button.textContent = label;
        button.classList.remove("done");
      }, 2000);
    }, function () {
      button.textContent = "请手动复制";
    });
  }

  function addCitationButtons() {
    document.querySelectorAll(".cite-box dd > .citation-text").forEach(function (line) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-citation";
      button.textContent = "复制";
      var term = line.parentNode.previousElementSibling;
      button.setAttribute("aria-label", "复制 Copy: " + (term ? term.textContent.trim() : ""));
      button.addEventListener("click", function () {
        confirmCopy(button, copyText(line.textContent.trim()), "复制");
      });
      line.insertAdjacentElement("afterend", button);
    });
  }

  function addCopyButtons() {
    document.querySelectorAll(".paragraph > .text > .permalink, .paragraph > p.text > .permalink")
      .forEach(function (link) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy-link";
        button.textContent = "复制链接";
        button.setAttribute("aria-label", "复制链接 Copy link: " + link.getAttribute("aria-label"));
        button.addEventListener("click", function () {
          var url = new URL(link.getAttribute("href"), window.location.href).href;
          confirmCopy(button, copyText(url), "复制链接");
        });
        link.insertAdjacentElement("afterend", button);
      });
  }

  function keepParagraph(eid) {
    if (!PARAGRAPH_ID.test(eid)) {
      return;
    }
    document.querySelectorAll("a[data-keep-paragraph]").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      url.hash = eid;
      link.setAttribute("href", url.pathname + url.search + url.hash);
    });
  }

  function followReading() {
    var paragraphs = Array.prototype.slice.call(
      document.querySelectorAll(".resolution-text .paragraph[id]")
    );
    var bar = document.querySelector("nav.languages");
    var scheduled = false;
    // The first paragraph below the (sticky) language bar is where the reader is.
    function paragraphInView() {
      scheduled = false;
      var top = (bar ? bar.getBoundingClientRect().bottom : 0) + 16;
      for (var i = 0; i < paragraphs.length; i++) {
        if (paragraphs[i].getBoundingClientRect().bottom > top) {
          keepParagraph(paragraphs[i].id);
          return;
        }
      }
    }
    keepParagraph(window.location.hash.slice(1));
    window.addEventListener("hashchange", function () {
      keepParagraph(window.location.hash.slice(1));
    });
    window.addEventListener("scroll", function () {
      if (!scheduled) {
        scheduled = true;
        window.requestAnimationFrame(paragraphInView);
      }
    }, { passive: true });
  }

  function measureStickyBar() {
    var bar = document.querySelector("nav.languages");
    if (!bar) {
      return;
    }
    function measure() {
      document.documentElement.style.setProperty(
        "--bar-height", Math.ceil(bar.getBoundingClientRect().height) + "px"
      );
    }
    measure();
    window.addEventListener("resize", measure);
  }

  document.addEventListener("DOMContentLoaded", function () {
    measureStickyBar();
    addCopyButtons();
    addCitationButtons();
    if (document.querySelector("a[data-keep-paragraph]")) {
      followReading();
    }
  });
})();
