/*
 * First script in taskpane.html, blocking, so it runs before office.js and the deferred ES2020
 * bundles; ES5, copied to dist unchanged. Office on Windows without WebView2 hosts this add-in in
 * Trident (Internet Explorer 11; with <Runtimes>, never EdgeHTML), where the bundles cannot parse:
 * blank pane, #NAME?, dead buttons. Microsoft's "Support older Microsoft webviews and Office
 * versions" recommends a message instead. Feature tests, no eval: what the bundles use (Promise,
 * Symbol, Object.assign, Object.fromEntries), String.prototype.replaceAll for ES2020 syntax (it
 * shipped with or after ?. and ?? in Chromium, Safari and Firefox), Trident's documentMode.
 */
(function (w, d) {
  "use strict";
  var modern =
    !d.documentMode &&
    w.Promise &&
    w.Symbol &&
    Object.assign &&
    Object.fromEntries &&
    String.prototype.replaceAll;
  if (modern) return;

  // Returning true marks the bundles' syntax errors handled: nothing logged or reported.
  w.onerror = function () {
    return true;
  };

  // textContent and addEventListener need IE9+ modes; the page's X-UA-Compatible IE=Edge gives 11.
  function add(parent, tag, text, css) {
    var e = d.createElement(tag);
    if (text) e.textContent = text;
    if (css) e.style.cssText = css;
    parent.appendChild(e);
    return e;
  }

  function show() {
    var box = d.createElement("div");
    box.setAttribute("role", "alert");
    box.style.cssText =
      "padding:16px;font-size:14px;line-height:1.6;font-family:'Microsoft YaHei','Segoe UI',sans-serif";
    add(box, "h1", "此 Office 版本过旧，无法运行集群申报助手", "font-size:18px;margin:0 0 8px");
    add(
      box,
      "p",
      "这个 Office 用旧的 Internet Explorer 组件显示加载项，本加载项无法在其中运行。请任选一种方法，然后重新启动 Excel："
    );
    var zh = add(box, "ul");
    add(zh, "li", "更新 Office：在 Excel 中选择「文件」→「帐户」→「更新选项」→「立即更新」。");
    add(zh, "li", "安装 Microsoft Edge WebView2 运行时（可请单位的 IT 管理员安装）。");
    add(
      box,
      "p",
      "注意：批量许可版 Office 2016、Office 2019 以及 Office 2013 即使装了 WebView2 也用旧组件，须升级到 Office 2021 或更高版本，或 Microsoft 365。"
    );

    var en = add(box, "div", "", "font-size:12px;color:#555;margin-top:16px");
    en.setAttribute("lang", "en");
    add(
      en,
      "p",
      "This Office build is too old for Cluster Declaration Assistant: it shows add-ins with the Internet Explorer engine. Do one of these, then restart Excel:"
    );
    var list = add(en, "ul");
    add(list, "li", "Update Office: File → Account → Update Options → Update Now.");
    add(
      list,
      "li",
      "Install the Microsoft Edge WebView2 Runtime (your IT administrator can help)."
    );
    add(
      en,
      "p",
      "Volume-licensed Office 2016 and 2019, and Office 2013, use the old engine even with WebView2: upgrade to Office 2021 or later, or Microsoft 365."
    );

    // Ahead of #root, which the bundles would have filled; if a false alarm ever lets them run,
    // the pane still works below the message.
    d.body.insertBefore(box, d.body.firstChild);
  }

  // In <head> the body does not exist yet.
  if (d.body) show();
  else d.addEventListener("DOMContentLoaded", show);
})(window, document);
