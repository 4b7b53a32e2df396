// Featured products: drag a row by its handle to reorder the list. The
// position numbers follow the rows, so the form submits the order shown;
// without JavaScript a merchandiser types the positions instead.
(function () {
  "use strict";

  var GROUP_ID = "attributevalues-group";

  function rows(group) {
    return Array.prototype.filter.call(
      group.querySelectorAll("tr.form-row"),
      function (row) {
        return !row.classList.contains("empty-form");
      }
    );
  }

  function renumber(group) {
    var position = 1;
    rows(group).forEach(function (row) {
      var input = row.querySelector("input.featured-position");
      var product = row.querySelector("select");
      if (input && product && product.value) {
        input.value = position;
        position += 1;
      }
    });
  }

  function addHandle(row) {
    var cell = row.querySelector("td.field-position");
    if (!cell || cell.querySelector(".featured-drag")) {
      return;
    }
    var handle = document.createElement("span");
    handle.className = "featured-drag";
    handle.textContent = "\u2630";
    handle.title = "Drag to reorder";
    handle.style.cursor = "move";
    handle.style.marginRight = "0.5em";
    handle.addEventListener("mousedown", function () {
      row.draggable = true;
    });
    cell.insertBefore(handle, cell.firstChild);
  }

  function setUp(group) {
    var dragged = null;
    rows(group).forEach(addHandle);
    document.addEventListener("formset:added", function (event) {
      if (event.target.closest && event.target.closest("#" + GROUP_ID)) {
        addHandle(event.target);
      }
    });
    group.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("tr.form-row");
      event.dataTransfer.effectAllowed = "move";
    });
    group.addEventListener("dragover", function (event) {
      if (dragged) {
        event.preventDefault();
      }
    });
    group.addEventListener("drop", function (event) {
      var target = event.target.closest("tr.form-row");
      if (!dragged || !target || target === dragged || target.classList.contains("empty-form")) {
        return;
      }
      event.preventDefault();
      var siblings = Array.prototype.slice.call(target.parentNode.children);
      if (siblings.indexOf(dragged) < siblings.indexOf(target)) {
        target.after(dragged);
      } else {
        target.before(dragged);
      }
      renumber(group);
    });
    group.addEventListener("dragend", function () {
      if (dragged) {
        dragged.draggable = false;
      }
      dragged = null;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var group = document.getElementById(GROUP_ID);
    if (group) {
      setUp(group);
    }
  });
})();
