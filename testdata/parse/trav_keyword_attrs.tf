a = foo.true.false.null
b = foo.for.in.if
