/**
 * Stored-XSS payloads in the style of the OWASP XSS filter-evasion cheat sheet, the PortSwigger
 * XSS cheat sheet and DOMPurify's mutation-XSS regressions. Each one calls a marker of its own
 * (`__xss('<id>')`, `alert('XSS-<id>')` or `console.log('XSS-<id>')`), so a trap in the page
 * (e2e/xss.spec.ts) can tell which one ran. `short` vectors fit a guest's name (20 characters).
 *
 * Pure data: no imports, used by the e2e spec and free for unit tests of the sanitizer.
 */
export type XssVector = { id: string; category: XssCategory; name: string; payload: string };

export type XssCategory =
  | "script"
  | "event-handler"
  | "url-scheme"
  | "svg"
  | "mathml"
  | "style"
  | "embedding"
  | "breakout"
  | "entity"
  | "comment-cdata"
  | "mutation";

const call = (id: string) => `__xss('${id}')`;
const alertOf = (id: string) => `alert('XSS-${id}')`;

/** The payloads; `$` in a template is replaced by the vector's marker call. */
const TEMPLATES: [XssCategory, string, string, ((id: string) => string)?][] = [
  // <script> variants
  ["script", "plain script", "<script>$</script>"],
  ["script", "upper-case SCRIPT", "<SCRIPT>$</SCRIPT>"],
  ["script", "mixed case with attributes", `<ScRiPt type="text/javascript" nonce="x">$</sCrIpT>`],
  ["script", "script split by nesting", "<scr<script>ipt>$</scr</script>ipt>"],
  ["script", "script with src data url", `<script src="data:text/javascript,$"></script>`],
  ["script", "script with slash instead of space", "<script/xss>$</script>"],
  ["script", "unclosed script", "<script>$//"],
  ["script", "script with newline in tag", "<script\n>$</script\n>"],
  ["script", "double open angle", "<<script>$//<</script>"],
  // event handlers
  ["event-handler", "img onerror", `<img src=x onerror="$">`],
  ["event-handler", "img onerror no quotes, slash", "<img/src=x/onerror=$>"],
  ["event-handler", "img onerror with backticks", "<img src=`x` onerror=`$`>", (id) => alertOf(id)],
  ["event-handler", "body onload", `<body onload="$">`],
  ["event-handler", "details open ontoggle", `<details open ontoggle="$"><summary>x</summary></details>`],
  ["event-handler", "video source onerror", `<video><source onerror="$"></video>`],
  ["event-handler", "audio src onerror", `<audio src=x onerror="$"></audio>`],
  ["event-handler", "input autofocus onfocus", `<input autofocus onfocus="$">`],
  ["event-handler", "select autofocus onfocus", `<select autofocus onfocus="$"></select>`],
  ["event-handler", "div onmouseover", `<div onmouseover="$" style="position:fixed;inset:0">x</div>`],
  ["event-handler", "marquee onstart", `<marquee onstart="$">x</marquee>`],
  ["event-handler", "p with onclick and encoded handler", `<p onclick="&#x5f;&#x5f;xss('@')">x</p>`],
  ["event-handler", "table background onerror-ish", `<table background="javascript:$"><tr><td onpointerenter="$">x</td></tr></table>`],
  ["event-handler", "img with tab before handler", "<img src=x\tonerror=\"$\">"],
  // javascript:, vbscript:, data: URLs
  ["url-scheme", "a href javascript", `<a href="javascript:$">link</a>`],
  ["url-scheme", "a href JaVaScRiPt", `<a href="JaVaScRiPt:$">link</a>`],
  ["url-scheme", "a href with tab entity", `<a href="jav&#x09;ascript:$">link</a>`],
  ["url-scheme", "a href decimal entities", `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;$">link</a>`],
  ["url-scheme", "a href hex entities without semicolons", `<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A$">link</a>`],
  ["url-scheme", "a href with newline", `<a href="java\nscript:$">link</a>`],
  ["url-scheme", "a href leading spaces and control", `<a href=" &#14;  javascript:$">link</a>`],
  ["url-scheme", "a href vbscript", `<a href="vbscript:msgbox('XSS-@')">link</a>`],
  ["url-scheme", "a href data text/html", `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link @</a>`],
  ["url-scheme", "img src javascript", `<img src="javascript:$">`],
  ["url-scheme", "a href unicode-escaped colon", `<a href="javascript&colon;$">link</a>`],
  ["url-scheme", "a href fullwidth", `<a href="ｊａｖａｓｃｒｉｐｔ：$">link</a>`],
  ["url-scheme", "form action javascript", `<form action="javascript:$"><button>go</button></form>`],
  ["url-scheme", "button formaction", `<form><button formaction="javascript:$">go</button></form>`],
  // SVG
  ["svg", "svg onload", `<svg onload="$">`],
  ["svg", "svg/onload no space", "<svg/onload=$>"],
  ["svg", "svg script", "<svg><script>$</script></svg>"],
  ["svg", "svg animate onbegin", `<svg><animate onbegin="$" attributeName="x" dur="1s"/></svg>`],
  ["svg", "svg set href javascript", `<svg><a><set attributeName="href" to="javascript:$"/><text x="20" y="20">x</text></a></svg>`],
  ["svg", "svg xlink:href javascript", `<svg><a xlink:href="javascript:$"><text x="20" y="20">x</text></a></svg>`],
  ["svg", "svg foreignObject", `<svg><foreignObject><img src=x onerror="$"></foreignObject></svg>`],
  ["svg", "svg use data url", `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='$'/></svg>#x"/></svg>`],
  // MathML
  ["mathml", "math mtext table mglyph style img (DOMPurify mXSS)", `<math><mtext><table><mglyph><style><img src=x onerror="$">`],
  ["mathml", "math mtext mglyph svg style img", `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror='$'>"></style></h1>`],
  ["mathml", "math maction href javascript", `<math><maction actiontype="statusline" xlink:href="javascript:$">x</maction></math>`],
  ["mathml", "math annotation-xml encoding text/html", `<math><annotation-xml encoding="text/html"><img src=x onerror="$"></annotation-xml></math>`],
  ["mathml", "math mi xlink:href", `<math><mi xlink:href="javascript:$">x</mi></math>`],
  // style
  ["style", "style tag import javascript", `<style>@import 'javascript:$';</style>`],
  ["style", "style attribute expression()", `<div style="width: expression($);">x</div>`],
  ["style", "style closing then script", "<style></style><script>$</script>"],
  ["style", "style background url javascript", `<p style="background:url('javascript:$')">x</p>`],
  ["style", "style with -moz-binding", `<p style="-moz-binding:url(data:text/xml,@)">x</p>`],
  // iframe, object, embed, meta, base
  ["embedding", "iframe srcdoc", `<iframe srcdoc="&lt;script&gt;parent.$&lt;/script&gt;"></iframe>`],
  ["embedding", "iframe src javascript", `<iframe src="javascript:parent.$"></iframe>`],
  ["embedding", "object data text/html", `<object data="data:text/html,<script>parent.$</script>"></object>`],
  ["embedding", "embed src javascript", `<embed src="javascript:$">`],
  ["embedding", "meta refresh javascript", `<meta http-equiv="refresh" content="0;url=javascript:$">`],
  ["embedding", "base href javascript", `<base href="javascript:$//">`],
  ["embedding", "link rel import", `<link rel="stylesheet" href="javascript:$">`],
  // breakouts
  ["breakout", "textarea breakout", "</textarea><script>$</script>"],
  ["breakout", "title breakout", "</title><script>$</script>"],
  ["breakout", "noscript breakout", `<noscript><p title="</noscript><img src=x onerror=$>">`],
  ["breakout", "template content", "<template><script>$</script></template><template><img src=x onerror=$></template>"],
  ["breakout", "attribute breakout double quote", `" onmouseover="$" autofocus onfocus="$" x="`],
  ["breakout", "attribute breakout single quote", `' onfocus='$' autofocus '`],
  ["breakout", "JSON-LD script breakout", `</script><script>$</script>`],
  ["breakout", "JSON string breakout", `"}]}</script><img src=x onerror=$>`],
  ["breakout", "xmp and plaintext", "<xmp></xmp><script>$</script><plaintext>"],
  ["breakout", "iframe closing in attribute", `<iframe title="</iframe><img src=x onerror=$>"></iframe>`],
  // entity tricks
  ["entity", "encoded angle brackets", "&lt;script&gt;$&lt;/script&gt;"],
  ["entity", "double-encoded", "&amp;lt;img src=x onerror=$&amp;gt;"],
  ["entity", "decimal encoded img", "&#60;img src=x onerror=$&#62;"],
  ["entity", "unicode escapes in handler", `<img src=x onerror="\\u005f\\u005fxss('@')">`],
  // comments and CDATA
  ["comment-cdata", "HTML comment wrapping script", "<!--<script>-->$<!--</script>-->"],
  ["comment-cdata", "comment with attribute breakout", `<!--><img src=x onerror=$>-->`],
  ["comment-cdata", "CDATA in HTML", "<![CDATA[<]]>script>$<![CDATA[<]]>/script>"],
  ["comment-cdata", "conditional comment", "<!--[if gte IE 4]><script>$</script><![endif]-->"],
  ["comment-cdata", "svg CDATA script", "<svg><script><![CDATA[$]]></script></svg>"],
  // mutation XSS via namespace confusion and parser differentials
  ["mutation", "noscript title mXSS", `<noscript><p title="</noscript><img src=x onerror=$>"></noscript>`],
  ["mutation", "svg p style mXSS", `<svg></p><style><a id="</style><img src=1 onerror=$>">`],
  ["mutation", "form nesting mXSS", `<form><math><mtext></form><form><mglyph><style></math><img src onerror=$>`],
  ["mutation", "table foster parenting", `<table><a href="javascript:$">x</a><tr><td>y</td></tr></table>`],
  ["mutation", "select and keygen", `<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=$>">`],
  ["mutation", "svg desc img", `<svg><desc><img src=x onerror=$></desc></svg>`],
];

export const XSS_VECTORS: XssVector[] = TEMPLATES.map(([category, name, template, marker], index) => {
  const id = String(index + 1);
  const markerCall = marker ? marker(id) : index % 3 === 1 ? alertOf(id) : call(id);
  return { id, category, name, payload: template.replaceAll("$", markerCall).replaceAll("@", id) };
});

/**
 * Short payloads for fields with a 20-character limit (guest names) and tags (30). Markers
 * would not fit: any of these running is caught by the dialog trap (alert(1)) or the __xss trap.
 */
export const SHORT_XSS_VECTORS = [
  "<svg/onload=alert()>",
  "<img src onerror=1>",
  "'\"><script>alert(1)",
  "</script><b>x",
  "javascript:alert(1)",
  "<a href=#>x</a>",
  "&lt;b&gt;&#60;i&#62;",
];

/** The markers of every vector, to recognise one in a console message. */
export const XSS_MARKER = /XSS-\d+/;
