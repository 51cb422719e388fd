#include "CShuzhiData.h"

// Symbols defined in data.S around the .incbin'd blobs.
extern const unsigned char shuzhi_lexicon_start[];
extern const unsigned char shuzhi_lexicon_end[];
extern const unsigned char shuzhi_model_start[];
extern const unsigned char shuzhi_model_end[];
extern const unsigned char shuzhi_general_start[];
extern const unsigned char shuzhi_general_end[];
extern const unsigned char shuzhi_knowledge_start[];
extern const unsigned char shuzhi_knowledge_end[];

const unsigned char *shuzhi_lexicon_bytes(size_t *count) {
    *count = (size_t)(shuzhi_lexicon_end - shuzhi_lexicon_start);
    return shuzhi_lexicon_start;
}

const unsigned char *shuzhi_model_bytes(size_t *count) {
    *count = (size_t)(shuzhi_model_end - shuzhi_model_start);
    return shuzhi_model_start;
}

const unsigned char *shuzhi_general_bytes(size_t *count) {
    *count = (size_t)(shuzhi_general_end - shuzhi_general_start);
    return shuzhi_general_start;
}

const unsigned char *shuzhi_knowledge_bytes(size_t *count) {
    *count = (size_t)(shuzhi_knowledge_end - shuzhi_knowledge_start);
    return shuzhi_knowledge_start;
}

extern const unsigned char shuzhi_traditional_start[];
extern const unsigned char shuzhi_traditional_end[];

const unsigned char *shuzhi_traditional_bytes(size_t *count) {
    *count = (size_t)(shuzhi_traditional_end - shuzhi_traditional_start);
    return shuzhi_traditional_start;
}
