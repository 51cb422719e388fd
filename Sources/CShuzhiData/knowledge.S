// Links the knowledge base of political formulas (knowledge.json, edited by hand from
// ../shared/reference/political-formulas.md) into the binary. The build does not see the .incbin dependency:
// after editing knowledge.json, touch this file (KnowledgeBaseTests fails while the embedded copy is stale).
    .section .rodata
    .balign 16
    .global shuzhi_knowledge_start
    .global shuzhi_knowledge_end
shuzhi_knowledge_start:
    .incbin "knowledge.json"
shuzhi_knowledge_end:
    .section .note.GNU-stack,"",@progbits
