// The web page's files, linked into the binary. The build does not see that this file depends on them: after editing
// page.html, app.js, app.css or openapi.json, touch this file (or `swift build` keeps the old copies).
    .section .rodata
    .balign 16
    .global shuzhi_page_html_start, shuzhi_page_html_end
shuzhi_page_html_start:
    .incbin "page.html"
shuzhi_page_html_end:
    .balign 16
    .global shuzhi_app_js_start, shuzhi_app_js_end
shuzhi_app_js_start:
    .incbin "app.js"
shuzhi_app_js_end:
    .balign 16
    .global shuzhi_app_css_start, shuzhi_app_css_end
shuzhi_app_css_start:
    .incbin "app.css"
shuzhi_app_css_end:
    .balign 16
    .global shuzhi_openapi_json_start, shuzhi_openapi_json_end
shuzhi_openapi_json_start:
    .incbin "openapi.json"
shuzhi_openapi_json_end:
    .section .note.GNU-stack,"",@progbits
