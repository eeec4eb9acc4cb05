a = 1 # c
b = 2 // c
c = 3 /* c */
d = 4
