a = foo.0.1
b = foo.0.1.baz
c = foo.10.20
