/* Refresh the lanes every minute without a page load: scroll position and
   ticked rows survive. Without JavaScript the page is still complete. */
(function () {
  var box = document.getElementById("lanes");
  if (!box || !window.fetch) return;
  setInterval(function () {
    var ticked = Array.prototype.map.call(
      box.querySelectorAll("input[type=checkbox]:checked"), function (c) { return c.value; });
    var url = new URL(box.dataset.refreshUrl, window.location.href);
    url.searchParams.set("fragment", "lanes");
    fetch(url, {credentials: "same-origin"}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null) return;
      box.innerHTML = html;
      ticked.forEach(function (value) {
        var box2 = box.querySelector("input[type=checkbox][value='" + value + "']");
        if (box2) box2.checked = true;
      });
    });
  }, 60000);
})();
