#ifndef SHUZHI_DATA_H
#define SHUZHI_DATA_H
#include <stddef.h>

/// The compiled lexicon (Scripts/build-lexicon.py), linked read-only into the binary: the loader maps its pages
/// on demand, so nothing is read or copied at start-up.
const unsigned char *shuzhi_lexicon_bytes(size_t *count);

/// The compiled character language model, likewise.
const unsigned char *shuzhi_model_bytes(size_t *count);

/// The general-Chinese character model (everyday written Chinese, kept apart from the formal one), likewise.
const unsigned char *shuzhi_general_bytes(size_t *count);

/// The knowledge base of political formulas, dates and wording changes (knowledge.json, UTF-8 JSON).
const unsigned char *shuzhi_knowledge_bytes(size_t *count);

/// Traditional characters simplified text never uses, with their simplified forms (traditional.txt: a
/// `traditional<TAB>simplified` pair a line, UTF-8; Scripts/traditional.py).
const unsigned char *shuzhi_traditional_bytes(size_t *count);

#endif
