a = <<END_OF_DATA
payload
END_OF_DATA
b = <<eot
lower
eot
c = <<X1
x
X1
