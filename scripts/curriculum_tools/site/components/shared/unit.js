/* unit: which pages of an LMS package form one unit (a SCORM SCO, a cmi5 AU: a module page
   and its scenario pages). Shared by the scorm and cmi5 runtimes, which each load it in
   their own part (site/assets.py); nothing else does. */
(function (curriculum) {
  "use strict";
  if (curriculum.unit) return;

  /* Whether a link (href, resolved against this page's address here) leads to another page
     of this unit (pages: their paths in the package, this page among them). */
  function samePage(pages, href, here) {
    var to, at;
    try {
      to = new URL(href, here);
      at = new URL(here);
    } catch (err) {
      return false;
    }
    if (to.protocol !== at.protocol || to.host !== at.host || to.pathname === at.pathname) return false;
    var mine = pages.filter(function (p) {
      return at.pathname.slice(-p.length - 1) === "/" + p;
    })[0];
    if (!mine) return false;
    var base = at.pathname.slice(0, -mine.length);
    return pages.some(function (p) {
      return to.pathname === base + p;
    });
  }

  curriculum.unit = { samePage: samePage };
})(window.curriculum);
