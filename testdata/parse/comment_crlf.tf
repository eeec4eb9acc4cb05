# c
a = 1 # d
/* e
 f */
b = 2
