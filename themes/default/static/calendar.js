// Calendar page filters: show only the posts of one interest, tag or channel.
// Progressive enhancement: without JavaScript the form stays hidden and every post shows.
(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  var posts = document.querySelectorAll("[data-tags]");
  var listed = document.querySelectorAll("#agenda [data-tags]");
  function matches(post) {
    return Array.prototype.every.call(form.querySelectorAll("select"), function (select) {
      return !select.value || post.dataset[select.name].split("|").indexOf(select.value) >= 0;
    });
  }
  function apply() {
    var shown = 0;
    posts.forEach(function (post) { post.hidden = !matches(post); });
    listed.forEach(function (post) { shown += post.hidden ? 0 : 1; });
    form.querySelector("output").textContent = shown + " of " + listed.length + " coming posts shown";
  }
  form.addEventListener("change", apply);
  form.hidden = false;
})();
