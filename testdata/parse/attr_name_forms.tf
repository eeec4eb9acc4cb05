foo_bar = 1
foo-bar = 2
_private = 3
x1 = 4
a-b-c_d = 5
A = 6
mixedCase = 7
