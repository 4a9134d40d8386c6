/*
 * First script in taskpane.html, blocking, so it runs before office.js and the deferred ES2020
 * bundles; ES5, copied to dist unchanged. Office on Windows without WebView2 hosts this add-in in
 * Trident (Internet Explorer 11; with <Runtimes>, never EdgeHTML), where the bundles cannot parse:
 * blank pane, #NAME?, dead buttons. Microsoft's "Support older Microsoft webviews and Office
 * versions" recommends a message instead. Feature tests, no eval: what the bundles use (Promise,
 * Symbol, Object.assign, Object.fromEntries), String.prototype.replaceAll for ES2020 syntax (it
 * shipped with or after ?. and ?? in Chromium, Safari and Firefox), Trident's documentMode.
 *
 * In a modern engine it watches office.js instead (watchOfficeJs, below).
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
  if (modern) {
    watchOfficeJs();
    return;
  }

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

  /*
   * office.js comes from Microsoft's CDN (or, in a build for a network without internet, from the
   * add-in's own server), deferred ahead of the bundles, which wait for it: while it does not
   * answer (offline, a proxy holding the request) nothing runs and the pane stays white. After OFFICE_JS_LIMIT_MS this says so, with 重试 (a reload asks for office.js again).
   * If office.js arrives after all, the bundles run and the pane, once drawn, removes the notice.
   * The limit, the notice's id and its words are the pane's own (OFFICE_READY_LIMIT_MS and
   * OFFICE_JS_LATE_ID in Boot.tsx, app.name, pane.failure.officeJs and pane.retry in the string
   * tables), copied because this file is not bundled; test/taskpane/legacy.test.ts holds them
   * equal.
   */
  function watchOfficeJs() {
    var OFFICE_JS_LIMIT_MS = 8000;
    var TEXT = {
      "zh-CN": {
        name: "集群申报助手",
        message:
          "Office 的脚本库（office.js）在 8 秒内没有加载完成：可能是网络中断、代理拦截，或连不上提供它的服务器（Microsoft 的服务器，或单位内部部署加载项的服务器）。助手会继续等待；也可以检查网络后点「重试」重新加载。",
        retry: "重试",
      },
      "en-US": {
        name: "Cluster Declaration Assistant",
        message:
          "Office's script library (office.js) has not loaded within 8 seconds: the network may be down, a proxy may block it, or the server that provides it (Microsoft's, or the one your organisation hosts the add-in on) cannot be reached. The assistant keeps waiting; or check the connection and choose Retry to reload.",
        retry: "Retry",
      },
    };
    w.setTimeout(function () {
      // office.js ran, or failed and the bundles drew the pane without it: theirs from here.
      var root = d.getElementById("root");
      if (w.Office || !d.body || (root && root.firstChild)) return;
      // The pane's choice before Office tells its language: Chinese unless the browser says
      // another language.
      var language = w.navigator.language || "";
      var locale = !language || /^zh/i.test(language) ? "zh-CN" : "en-US";
      var text = TEXT[locale];
      var box = d.createElement("div");
      box.id = "office-js-late";
      box.setAttribute("lang", locale);
      box.style.cssText =
        "padding:16px;font-size:14px;line-height:1.6;font-family:'Microsoft YaHei','Segoe UI',sans-serif";
      add(box, "h1", text.name, "font-size:20px;font-weight:600;margin:0 0 12px");
      add(box, "p", text.message, "margin:0 0 12px").setAttribute("role", "alert");
      var retry = add(box, "button", text.retry, "font:inherit;padding:4px 16px");
      retry.setAttribute("type", "button");
      retry.addEventListener("click", function () {
        w.location.reload();
      });
      // Ahead of #root, where the pane will be drawn.
      d.body.insertBefore(box, d.body.firstChild);
    }, OFFICE_JS_LIMIT_MS);
  }
})(window, document);
