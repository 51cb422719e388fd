// The system zlib (Debian: zlib1g-dev) inflates and deflates the parts of .docx archives.
#include <zlib.h>
