#ifndef SHUZHI_WEB_ASSETS_H
#define SHUZHI_WEB_ASSETS_H
#include <stddef.h>

/// The files of the web page, linked read-only into the binary by assets.S. `name` is one of "page.html", "app.js",
/// "app.css", "openapi.json"; the result is NULL for any other name.
const unsigned char *shuzhi_web_asset(const char *name, size_t *count);

#endif
