// Links the traditional-character table (traditional.txt, written by Scripts/traditional.py from OpenCC's tables)
// into the binary. The build does not see the .incbin dependency: after regenerating traditional.txt, touch this file.
    .section .rodata
    .balign 16
    .global shuzhi_traditional_start
    .global shuzhi_traditional_end
shuzhi_traditional_start:
    .incbin "traditional.txt"
shuzhi_traditional_end:
    .section .note.GNU-stack,"",@progbits
