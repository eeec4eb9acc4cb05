a = foo
.bar
