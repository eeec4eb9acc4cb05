café = 1
x = café
