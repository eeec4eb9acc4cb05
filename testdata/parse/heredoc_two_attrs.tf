a = <<A
aaa
A
b = <<B
bbb
B
