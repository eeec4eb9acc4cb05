a = f(<<A
aaa
A
, <<B
bbb
B
)
