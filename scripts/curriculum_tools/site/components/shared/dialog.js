/* The one confirmation dialog (curriculum.dom.confirm), for the pages that delete things:
   My progress and the checklists; loaded by dom.js on first use. */
(function (curriculum) {
  "use strict";
  var dom = curriculum.dom;
  if (dom.confirm && dom.confirm.dialog) return;
  var node = dom.node;

  /* One confirmation dialog: a modal that opens with Cancel focused; onYes runs only when
     the person confirms. Returns focus to back (or the opener) when it closes. */
  dom.confirm = function (root, text, yesLabel, onYes, back) {
    var opener = document.activeElement;
    var dialog = node("dialog", root, null, { class: "cq-dialog" });
    var form = node("form", dialog, null, { method: "dialog" });
    var question = node("p", form, text, { id: dom.uid("cq-dialog") });
    dialog.setAttribute("aria-labelledby", question.id);
    node("button", form, yesLabel, { class: "md-button md-button--primary", value: "yes" });
    form.appendChild(document.createTextNode(" "));
    var cancel = node("button", form, curriculum.t("dom.cancel"), { class: "md-button", value: "no" });
    dialog.addEventListener("close", function () {
      var yes = dialog.returnValue === "yes";
      dialog.remove();
      if (yes) onYes();
      var target = back || opener;
      if (target && target.isConnected) target.focus();
    });
    dialog.showModal();
    cancel.focus();
    return dialog;
  };
  dom.confirm.dialog = true;
})(window.curriculum);
