#include "CShuzhiWebAssets.h"
#include <string.h>

#define ASSET(symbol) extern const unsigned char symbol##_start[]; extern const unsigned char symbol##_end[];
ASSET(shuzhi_page_html)
ASSET(shuzhi_app_js)
ASSET(shuzhi_app_css)
ASSET(shuzhi_openapi_json)

const unsigned char *shuzhi_web_asset(const char *name, size_t *count) {
#define RETURN_IF(file, symbol) \
    if (strcmp(name, file) == 0) { *count = (size_t)(symbol##_end - symbol##_start); return symbol##_start; }
    RETURN_IF("page.html", shuzhi_page_html)
    RETURN_IF("app.js", shuzhi_app_js)
    RETURN_IF("app.css", shuzhi_app_css)
    RETURN_IF("openapi.json", shuzhi_openapi_json)
    *count = 0;
    return NULL;
}
