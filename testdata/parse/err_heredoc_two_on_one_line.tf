a = [<<A, <<B]
aaa
A
bbb
B
